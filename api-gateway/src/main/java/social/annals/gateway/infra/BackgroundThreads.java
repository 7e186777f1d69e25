package social.annals.gateway.infra;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for work that no request waits on (acting on events, projecting them, rebuilding read
 * models, delivering to other servers), started at a lower CPU priority than the threads that
 * answer requests. When both want the cores, the answers come first and the processing catches up
 * afterwards; on an idle machine the priority changes nothing. The priority is Linux's nice value
 * of the thread, raised by {@code annals.background.nice} (0 leaves it as it is); elsewhere, or
 * where it cannot be changed, threads run as they would have, and that is logged once.
 */
public final class BackgroundThreads implements ThreadFactory {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);
    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    private static final int PRIO_PROCESS = 0;
    /** Linux's lowest priority; a higher nice value is refused. */
    private static final int LOWEST = 19;

    private final String name;
    private final int niceIncrement;
    private final boolean daemon;
    private final AtomicInteger count = new AtomicInteger();

    private BackgroundThreads(String name, int niceIncrement, boolean daemon) {
        this.name = name;
        this.niceIncrement = niceIncrement;
        this.daemon = daemon;
    }

    /** Threads named {@code name-0}, {@code name-1}, … */
    public static BackgroundThreads named(String name, int niceIncrement) {
        return new BackgroundThreads(name, niceIncrement, false);
    }

    /** The same, as daemon threads: they do not keep the JVM running. */
    public static BackgroundThreads daemons(String name, int niceIncrement) {
        return new BackgroundThreads(name, niceIncrement, true);
    }

    @Override
    public Thread newThread(Runnable work) {
        Thread thread = new Thread(() -> {
            lowerPriority(niceIncrement);
            work.run();
        }, name + "-" + count.getAndIncrement());
        thread.setDaemon(daemon);
        return thread;
    }

    /**
     * Gives the calling thread the process's nice value plus {@code increment}. On Linux the nice
     * value belongs to each thread (a new thread inherits its creator's), and
     * {@code setpriority(PRIO_PROCESS, 0, …)} changes the caller's only; the process's is its main
     * thread's. Counting from the process's keeps a background thread started by another one from
     * going lower still.
     */
    static void lowerPriority(int increment) {
        if (increment <= 0 || !Platform.isLinux()) {
            return;
        }
        try {
            int target = Math.min(LOWEST, nice(LibC.INSTANCE.getpid()) + increment);
            if (nice(0) < target && LibC.INSTANCE.setpriority(PRIO_PROCESS, 0, target) != 0) {
                unavailable("setpriority failed with errno " + Native.getLastError());
            }
        } catch (LinkageError e) { // no native library for this platform, or libc not found
            unavailable(e.toString());
        } catch (IllegalStateException e) {
            unavailable(e.getMessage());
        }
    }

    /** The nice value of a thread (0: the calling one); -1 is a nice value too, hence errno. */
    private static int nice(int thread) {
        Native.setLastError(0);
        int nice = LibC.INSTANCE.getpriority(PRIO_PROCESS, thread);
        if (nice == -1 && Native.getLastError() != 0) {
            throw new IllegalStateException("getpriority failed with errno " + Native.getLastError());
        }
        return nice;
    }

    private static void unavailable(String why) {
        if (REPORTED.compareAndSet(false, true)) {
            log.info("Background threads keep the requests' CPU priority: {}", why);
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int getpid();

        int getpriority(int which, int who);

        int setpriority(int which, int who, int priority);
    }
}
