package social.annals.gateway.cli;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import social.annals.command.account.GrantRoleCommand;
import social.annals.command.account.RegisterAccountCommand;
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
public final class UserCommandLine {

    public static final String NAME = "user";
    static final String ACTOR = "command-line";
    private static final String USAGE = "usage: user new <nickname> <email> [--password P] [--name N] [--admin] "
            + "[--moderator]";

    private UserCommandLine() {
    }

    public static int run(String[] args) {
        if (args.length < 3 || !"new".equals(args[0])) {
            System.err.println(USAGE);
            return 2;
        }
        String nickname = args[1];
        String email = args[2];
        String password = null;
        String name = nickname;
        List<AccountRole> roles = new ArrayList<>();
        List<String> springArguments = new ArrayList<>(List.of("--annals.roles=cli"));
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith("--spring.") || args[i].startsWith("--annals.")) {
                springArguments.add(args[i]); // configuration, e.g. --spring.datasource.url=...
                continue;
            }
            switch (args[i]) {
                case "--password" -> password = ++i < args.length ? args[i] : null;
                case "--name" -> name = ++i < args.length ? args[i] : null;
                case "--admin" -> roles.add(AccountRole.ADMIN);
                case "--moderator" -> roles.add(AccountRole.MODERATOR);
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
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
            commands.sendAndWait(new RegisterAccountCommand(accountId, nickname, email, name, "",
                    context.getBean(TextFormatter.class).toHtml(""), password, password, false));
            for (AccountRole role : roles) {
                commands.sendAndWait(new GrantRoleCommand(accountId, role, ACTOR));
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
