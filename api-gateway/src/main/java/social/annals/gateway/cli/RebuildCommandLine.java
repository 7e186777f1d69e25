package social.annals.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.moderation.ModerationActionCommands;
import social.annals.events.moderation.Moderator;
import social.annals.gateway.AnnalsApplication;
import social.annals.gateway.ops.ProjectionMonitor;
import social.annals.gateway.ops.ProjectionState;
import social.annals.gateway.ops.ReadModelRebuilder;

/**
 * {@code java -jar annals.jar rebuild [--name N] [--url URL --admin-token T]}: rebuilds the read
 * models (all, or one) and draws a progress bar until they are live again. With {@code --url}
 * it asks a running server, which keeps answering meanwhile; without it, it works on the
 * database itself as a projector node, which needs the server's projectors to be stopped.
 */
@Command(name = RebuildCommandLine.NAME, mixinStandardHelpOptions = true,
        description = {"Rebuilds the read models (all, or one) from the event log, with a progress bar.",
                "With --url a running server does it and keeps answering meanwhile; without, this process "
                        + "works on the configured database as a projector node (stop the server's projectors first)."})
public final class RebuildCommandLine implements Callable<Integer> {

    public static final String NAME = "rebuild";
    private static final int BAR_WIDTH = 30;
    private static final Duration POLL = Duration.ofMillis(500);

    @Option(names = "--name", paramLabel = "READ_MODEL", description = "Only this read model (all if left out).")
    private String name;

    @Option(names = "--url", paramLabel = "URL", description = "A running server, e.g. http://localhost:4000.")
    private String url;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "That server's ADMIN_TOKEN (with --url).")
    private String adminToken;

    @Unmatched
    private List<String> settings = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    /** The arguments after {@code rebuild}; the exit status (2 for a usage error). */
    public static int run(String... args) {
        return new CommandLine(new RebuildCommandLine()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Settings.check(spec, settings);
        // An option with an empty value would otherwise mean "every read model" or "this machine".
        for (String[] option : new String[][] {{"--name", name}, {"--url", url}, {"--admin-token", adminToken}}) {
            if (option[1] != null && option[1].isBlank()) {
                throw new ParameterException(spec.commandLine(), option[0] + " needs a value");
            }
        }
        if (url != null && adminToken == null) {
            throw new ParameterException(spec.commandLine(), "--url needs --admin-token (the server's ADMIN_TOKEN)");
        }
        List<String> springArguments = new ArrayList<>(List.of("--annals.roles=projector"));
        springArguments.addAll(settings);
        return url != null ? online(url, adminToken, name) : offline(springArguments, name);
    }

    private static int online(String url, String adminToken, String name) throws Exception {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String token = URLEncoder.encode(adminToken, StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper mapper = new ObjectMapper();
        String query = "?admin_token=" + token + (name == null ? "" : "&name=" + URLEncoder.encode(name,
                StandardCharsets.UTF_8));
        HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(base
                + "/api/pleroma/admin/projections/rebuild" + query)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            System.err.println("the server refused the rebuild: " + started.statusCode() + " " + started.body());
            return 1;
        }
        List<String> names = new ArrayList<>();
        mapper.readTree(started.body()).forEach(state -> names.add(state.get("name").asText()));
        return follow(names, () -> {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/pleroma/admin/projections?admin_token=" + token)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                List<ProjectionState> states = new ArrayList<>();
                for (JsonNode state : mapper.readTree(response.body())) {
                    if (names.contains(state.get("name").asText())) {
                        states.add(parse(state));
                    }
                }
                return states;
            } catch (IOException e) {
                throw new IllegalStateException("the server stopped answering: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, System.out);
    }

    private static int offline(List<String> springArguments, String name) {
        SpringApplication application = new SpringApplication(AnnalsApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = application.run(springArguments.toArray(String[]::new))) {
            ReadModelRebuilder rebuilder = context.getBean(ReadModelRebuilder.class);
            List<String> names = name == null ? rebuilder.groups() : List.of(name);
            if (name != null && !rebuilder.groups().contains(name)) {
                System.err.println("no read model named " + name + "; there are " + rebuilder.groups());
                return 2;
            }
            try {
                rebuilder.start(names, () -> context.getBean(CommandGateway.class).sendAndWait(
                        new ModerationActionCommands.RecordRebuild(context.getBean(FlakeIdGenerator.class).next(),
                                names, new Moderator(null, UserCommandLine.ACTOR))));
            } catch (ReadModelRebuilder.RebuildRefused e) {
                System.err.println("cannot reset the read models here: a running server holds them. "
                        + "Stop it, or rebuild through it with --url and --admin-token.");
                return 1;
            }
            ProjectionMonitor monitor = context.getBean(ProjectionMonitor.class);
            return follow(names, () -> monitor.states(names), System.out);
        }
    }

    /** Polls until every named read model is live, drawing one progress line; 0 when done. */
    static int follow(List<String> names, Supplier<List<ProjectionState>> states, PrintStream out) {
        long started = System.nanoTime();
        long firstPosition = -1;
        while (true) {
            List<ProjectionState> current = states.get();
            boolean done = current.size() == names.size() && current.stream().noneMatch(ProjectionState::rebuilding)
                    && System.nanoTime() - started > POLL.toNanos();
            out.print("\r" + line(current) + "   ");
            out.flush();
            if (firstPosition < 0) {
                firstPosition = current.stream().mapToLong(ProjectionState::head).max().orElse(0);
            }
            if (done) {
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf(Locale.ROOT, "%nrebuilt %d read model(s) from %,d events in %.1f s%n", names.size(),
                        firstPosition, seconds);
                return 0;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    /** {@code [#########.............]  42%  21,300 ev/s  eta 31 s  rebuilding: statuses, notifications} */
    static String line(List<ProjectionState> states) {
        double progress = states.isEmpty() ? 0
                : states.stream().mapToDouble(state -> state.rebuilding() && state.progress() != null
                        ? state.progress() : state.rebuilding() ? 0 : 1).average().orElse(0);
        int filled = (int) Math.round(progress * BAR_WIDTH);
        double rate = states.stream().filter(ProjectionState::rebuilding)
                .mapToDouble(state -> state.eventsPerSecond() == null ? 0 : state.eventsPerSecond()).max().orElse(0);
        long eta = states.stream().filter(ProjectionState::rebuilding)
                .mapToLong(state -> state.etaSeconds() == null ? 0 : state.etaSeconds()).max().orElse(0);
        List<String> rebuilding = states.stream().filter(ProjectionState::rebuilding).map(ProjectionState::name)
                .toList();
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,.0f ev/s  eta %d s  %s", "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), Math.round(progress * 100), rate, eta,
                rebuilding.isEmpty() ? "all live" : "rebuilding: " + String.join(", ", rebuilding));
    }

    private static ProjectionState parse(JsonNode state) {
        boolean rebuilding = "rebuilding".equals(state.get("state").asText());
        return new ProjectionState(state.get("name").asText(), state.get("position").asLong(),
                state.get("head").asLong(), state.get("lag").asLong(), rebuilding,
                rebuilding && state.hasNonNull("progress") ? state.get("progress").asDouble() : null,
                rebuilding && state.hasNonNull("events_per_second") ? state.get("events_per_second").asDouble() : null,
                rebuilding && state.hasNonNull("eta_seconds") ? state.get("eta_seconds").asLong() : null);
    }
}
