package social.annals.gateway.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.HtmlUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;
import social.annals.command.CommandSideProcessing;
import social.annals.command.account.AccountCommands;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.social.RelationshipCommands;
import social.annals.command.status.StatusCommands;
import social.annals.events.status.Visibility;
import social.annals.gateway.AnnalsApplication;

/**
 * {@code java -jar annals.jar dataset [--seed N] [--accounts N] [--statuses N] [--favourites N] [--follows N]
 * [--subscriptions N] [--threads N] [--spring.*=...]}: writes a benchmark dataset through the same commands as the API,
 * so every fact is an event in the store. Deterministic by seed (who follows, posts and favourites
 * what, and the texts); ids are time-ordered and differ between runs. Accounts are {@code user0} ...
 * with the password {@code password}. The server's projectors build the read models afterwards.
 */
@Command(name = DatasetCommandLine.NAME, mixinStandardHelpOptions = true,
        description = "Writes a benchmark dataset through the same commands as the API (accounts user0... with "
                + "the password \"password\"); the server's projectors build the read models afterwards.")
public final class DatasetCommandLine implements Callable<Integer> {

    public static final String NAME = "dataset";
    private static final String[] WORDS = ("cofe tea fediverse pleroma annals event log replay projection timeline "
            + "status follow block mute favourite boost hello world morning night cat dog garden river mountain "
            + "city train music book film code java postgres").split(" ");

    @Option(names = "--seed", paramLabel = "N",
            description = "Chooses who follows, posts and favourites what (default: ${DEFAULT-VALUE}).")
    private long seed = 42;

    @Option(names = "--accounts", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    private long accounts = 10_000;

    @Option(names = "--statuses", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    private long statuses = 200_000;

    @Option(names = "--favourites", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    private long favourites = 1_000_000;

    @Option(names = "--follows", paramLabel = "N",
            description = "Accounts each account follows (default: ${DEFAULT-VALUE}).")
    private long follows = 20;

    @Option(names = "--subscriptions", paramLabel = "N",
            description = "Accounts each account subscribes to (default: ${DEFAULT-VALUE}).")
    private long subscriptions = 5;

    @Option(names = "--threads", paramLabel = "N", description = "Commands sent at once (default: ${DEFAULT-VALUE}).")
    private long threads = 8;

    @Unmatched
    private List<String> settings = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    /** The arguments after {@code dataset}; the exit status (2 for a usage error). */
    public static int run(String... args) {
        return new CommandLine(new DatasetCommandLine()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Settings.check(spec, settings);
        Map<String, Long> options = Map.of("seed", seed, "accounts", accounts, "statuses", statuses,
                "favourites", favourites, "follows", follows, "subscriptions", subscriptions, "threads", threads);
        // Bulk loading: cheap password hashing, and commits that do not wait for the disk flush
        // (a crash may lose the last moments of the load, never corrupt it).
        List<String> springArguments = new ArrayList<>(List.of("--annals.roles=cli",
                "--annals.security.bcrypt-strength=4",
                "--spring.datasource.hikari.connection-init-sql=SET synchronous_commit TO off"));
        springArguments.addAll(settings);
        SpringApplication application = new SpringApplication(AnnalsApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of("logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = application.run(springArguments.toArray(String[]::new))) {
            startPoliciesAtTheBeginning(context);
            new Generator(context.getBean(CommandGateway.class), context.getBean(FlakeIdGenerator.class), options)
                    .generate();
        }
        return 0;
    }

    /**
     * A policy that first starts on a log that already has events skips them (it is not told about
     * the past). The dataset stands for activity that happened while the server ran, so the
     * notification policy is set to react to all of it when the server next starts.
     */
    private static void startPoliciesAtTheBeginning(ConfigurableApplicationContext context) {
        TokenStore tokens = context.getBean(TokenStore.class);
        int segments = context.getEnvironment().getProperty("annals.processors.segments", Integer.class, 1);
        context.getBean(TransactionManager.class).executeInTransaction(() -> {
            if (tokens.fetchSegments(CommandSideProcessing.NOTIFICATIONS).length == 0) {
                tokens.initializeTokenSegments(CommandSideProcessing.NOTIFICATIONS, segments, null);
            }
        });
    }

    private static final class Generator {

        private final CommandGateway commands;
        private final FlakeIdGenerator ids;
        private final long seed;
        private final int accounts;
        private final int statuses;
        private final int favourites;
        private final int follows;
        private final int subscriptions;
        private final ExecutorService pool;
        private final String[] accountIds;
        private final String[] statusIds;
        private final String[] statusAuthors;

        Generator(CommandGateway commands, FlakeIdGenerator ids, Map<String, Long> options) {
            this.commands = commands;
            this.ids = ids;
            this.seed = options.get("seed");
            this.accounts = options.get("accounts").intValue();
            this.statuses = options.get("statuses").intValue();
            this.favourites = options.get("favourites").intValue();
            this.follows = options.get("follows").intValue();
            this.subscriptions = options.get("subscriptions").intValue();
            this.pool = Executors.newFixedThreadPool(options.get("threads").intValue());
            this.accountIds = new String[accounts];
            this.statusIds = new String[statuses];
            this.statusAuthors = new String[statuses];
        }

        void generate() throws Exception {
            try {
                phase("accounts", accounts, i -> {
                    accountIds[i] = ids.next();
                    return new AccountCommands.Register(accountIds[i], "user" + i, "user" + i + "@dataset.example",
                            "User " + i, "", "", "password", "password", false);
                });
                phase("follows", accounts * follows, n -> new RelationshipCommands.Follow(
                        accountIds[n / follows], accountIds[other(1, n, n / follows)], false, null));
                // Subscribers are notified of every post they may see: most of the dataset's mentions.
                phase("subscriptions", accounts * subscriptions, n -> new RelationshipCommands.Subscribe(
                        accountIds[n / subscriptions], accountIds[other(4, n, n / subscriptions)]));
                phase("statuses", statuses, i -> {
                    Random random = random(2, i);
                    int author = random.nextInt(accounts);
                    int roll = random.nextInt(100);
                    Visibility visibility = roll < 80 ? Visibility.PUBLIC : roll < 90 ? Visibility.UNLISTED
                            : roll < 98 ? Visibility.PRIVATE : Visibility.DIRECT;
                    List<String> mentioned = visibility == Visibility.DIRECT
                            ? List.of(accountIds[random.nextInt(accounts)]) : List.of();
                    StringBuilder text = new StringBuilder();
                    for (int w = 0, words = 3 + random.nextInt(20); w < words; w++) {
                        text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                    }
                    statusIds[i] = ids.next();
                    statusAuthors[i] = accountIds[author];
                    return new StatusCommands.Post(statusIds[i], accountIds[author], text.toString(),
                            HtmlUtils.htmlEscape(text.toString()), "", visibility, false, null, null, null, mentioned,
                            List.of(), List.of(), List.of(), "dataset", null);
                });
                phase("favourites", favourites, n -> {
                    Random random = random(3, n);
                    int status = random.nextInt(statuses);
                    return new StatusCommands.Favourite(accountIds[random.nextInt(accounts)], statusIds[status],
                            statusAuthors[status]);
                });
            } finally {
                pool.shutdown();
            }
        }

        /** A random account other than {@code self}, for item {@code n} of a phase. */
        private int other(int phase, int n, int self) {
            int other = random(phase, n).nextInt(accounts);
            return other == self ? (other + 1) % accounts : other;
        }

        /** A generator for item {@code n} of a phase: the same seed always draws the same dataset. */
        private Random random(int phase, int n) {
            return new Random(seed * 1_000_003L + phase * 1_000_000_007L + n);
        }

        /** Sends {@code count} commands in order-independent chunks on the pool, reporting progress. */
        private void phase(String name, int count, IntFunction<Object> command) throws Exception {
            long started = System.nanoTime();
            AtomicLong done = new AtomicLong();
            int threads = Math.max(1, ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize());
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        commands.sendAndWait(command.apply(i));
                        long total = done.incrementAndGet();
                        if (total % 50_000 == 0) {
                            System.out.printf("%s: %d/%d%n", name, total, count);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: %d in %.1f s (%.0f commands/s)%n", name, count, seconds, count / seconds);
        }
    }
}
