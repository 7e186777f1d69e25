package social.annals.gateway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;
import social.annals.gateway.AnnalsApplication;

/**
 * {@code java -jar annals.jar [COMMAND]}: with no command, the server; {@code user}, {@code rebuild}
 * and {@code dataset} are the tools. Settings go as {@code --spring.*}, {@code --server.*} or
 * {@code --annals.*} arguments (or environment variables, docs/operations.md "Configuration").
 */
@Command(name = "annals", mixinStandardHelpOptions = true, version = "Annals 0.1.0",
        description = {"An event-sourced, Pleroma-compatible social server.",
                "Without a command, runs the server; settings as --spring.*, --server.* or --annals.* "
                        + "arguments or as environment variables (see docs/operations.md)."},
        subcommands = {UserCommandLine.class, RebuildCommandLine.class, DatasetCommandLine.class},
        footer = {"", "Examples:", "  java -jar annals.jar --server.port=4000",
                "  java -jar annals.jar user new lain lain@example.org --admin",
                "  java -jar annals.jar rebuild --url http://localhost:4000 --admin-token TOKEN"})
public final class AnnalsCommandLine implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> settings = new ArrayList<>();

    private boolean serverStarted;

    /** Runs what the arguments ask for; true when that is the server, which keeps running. */
    public static boolean run(String... args) {
        AnnalsCommandLine command = new AnnalsCommandLine();
        int exit = new CommandLine(command).execute(args);
        if (command.serverStarted) {
            return true;
        }
        System.exit(exit);
        return false;
    }

    @Override
    public Integer call() {
        Settings.check(spec, settings);
        SpringApplication.run(AnnalsApplication.class, settings.toArray(String[]::new));
        serverStarted = true;
        return 0;
    }
}
