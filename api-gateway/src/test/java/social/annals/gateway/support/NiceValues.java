package social.annals.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux threads' nice values, read from /proc. */
public final class NiceValues {

    private NiceValues() {
    }

    public static boolean available() {
        return Files.exists(Path.of("/proc/thread-self/stat"));
    }

    public static int ofCurrentThread() {
        return of(Path.of("/proc/thread-self"));
    }

    /** Field 19 of the task's stat line, counted after the command name (which may hold spaces). */
    public static int of(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
