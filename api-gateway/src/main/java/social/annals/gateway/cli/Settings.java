package social.annals.gateway.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What a command passes on to Spring: settings only, so that a typo is an error, not a server start. */
final class Settings {

    private static final List<String> PREFIXES = List.of("--spring.", "--server.", "--annals.", "--logging.",
            "--management.", "--axon.");

    private Settings() {
    }

    /** @throws ParameterException naming the first argument that is neither a command nor a setting */
    static void check(CommandSpec spec, List<String> settings) {
        for (String argument : settings) {
            if (PREFIXES.stream().noneMatch(argument::startsWith)) {
                throw new ParameterException(spec.commandLine(), argument.startsWith("-")
                        ? "Unknown option: '" + argument + "'"
                        : "Unknown command: '" + argument + "'");
            }
        }
    }
}
