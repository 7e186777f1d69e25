package social.annals.gateway.cli;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;
import social.annals.command.account.AccountCommands;
import social.annals.command.account.ModerationCommands;
import social.annals.command.account.RegistrationRejected;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.events.account.AccountRole;
import social.annals.gateway.AnnalsApplication;
import social.annals.gateway.render.TextFormatter;
import social.annals.gateway.web.ApiErrorHandler;

/**
 * {@code java -jar annals.jar user new <nickname> <email> [--password P] [--name N] [--admin] [--moderator]}
 * (plus any {@code --spring.*} or {@code --annals.*} setting, e.g. the database URL),
 * like Pleroma's {@code pleroma.user new}. It writes to the configured database through the same
 * commands as the API; a running server's projectors pick the account up.
 */
@Command(name = UserCommandLine.NAME, mixinStandardHelpOptions = true,
        description = "Manages accounts, like Pleroma's pleroma.user.", subcommands = UserCommandLine.New.class)
public final class UserCommandLine implements Callable<Integer> {

    public static final String NAME = "user";
    static final String ACTOR = "command-line";

    @Spec
    private CommandSpec spec;

    /** The arguments after {@code user}; the exit status (2 for a usage error). */
    public static int run(String... args) {
        return new CommandLine(new UserCommandLine()).execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: new");
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Creates an account through the same commands as registration; a running server's "
                    + "projectors pick it up.")
    static final class New implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NICKNAME")
        private String nickname;

        @Parameters(index = "1", paramLabel = "EMAIL")
        private String email;

        @Option(names = "--password", paramLabel = "P", description = "Its password (generated and printed if left out).")
        private String password;

        @Option(names = "--name", paramLabel = "N", description = "Its display name (the nickname if left out).")
        private String name;

        @Option(names = "--admin", description = "Makes it an admin.")
        private boolean admin;

        @Option(names = "--moderator", description = "Makes it a moderator.")
        private boolean moderator;

        @Unmatched
        private List<String> settings = new ArrayList<>();

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Settings.check(spec, settings);
            List<String> springArguments = new ArrayList<>(List.of("--annals.roles=cli"));
            springArguments.addAll(settings);
            List<AccountRole> roles = new ArrayList<>();
            if (admin) {
                roles.add(AccountRole.ADMIN);
            }
            if (moderator) {
                roles.add(AccountRole.MODERATOR);
            }
            String name = this.name == null ? nickname : this.name;
            String password = this.password;
            boolean generated = password == null;
            if (generated) {
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            SpringApplication application = new SpringApplication(AnnalsApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
            application.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN"));
            try (ConfigurableApplicationContext context = application.run(springArguments.toArray(String[]::new))) {
                CommandGateway commands = context.getBean(CommandGateway.class);
                String accountId = context.getBean(FlakeIdGenerator.class).next();
                commands.sendAndWait(new AccountCommands.Register(accountId, nickname, email, name, "",
                        context.getBean(TextFormatter.class).toHtml(""), password, password, false));
                for (AccountRole role : roles) {
                    commands.sendAndWait(new ModerationCommands.GrantRole(accountId, role, ACTOR));
                }
                System.out.println("Created account " + nickname + " (id " + accountId + ")"
                        + (roles.isEmpty() ? "" : " with roles " + roles));
                if (generated) {
                    System.out.println("Generated password: " + password);
                }
                return 0;
            } catch (RuntimeException e) {
                if (ApiErrorHandler.unwrap(e) instanceof RegistrationRejected rejected) {
                    System.err.println("Registration refused: " + rejected.fieldErrors());
                    return 1;
                }
                throw e;
            }
        }
    }
}
