package social.annals.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import social.annals.command.account.AccountLookup;
import social.annals.gateway.cli.UserCommandLine;
import social.annals.gateway.consistency.ConsistencyBarrier;

/**
 * Base of the HTTP integration tests: the whole server on a random port, against a real
 * PostgreSQL (a temporary embedded one per test JVM). All subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "annals.embedded-db.ephemeral=true",
        "annals.security.bcrypt-strength=4",
        // Real RSA keys, shorter than production's: generating 2048 bits takes about 100 ms a registration.
        "annals.federation.key-bits=1024",
        // The tests sign in hundreds of times from here; RateLimitsApiTest comes from other addresses.
        "annals.rate-limits.exempt=127.0.0.1,0:0:0:0:0:0:0:1",
        "annals.admin-token=" + ApiTest.ADMIN_TOKEN,
        "annals.base-url=http://annals.test",
        // Fake remote servers run on this machine.
        "annals.federation.allow-private-addresses=true",
        // Small batches, so a test's account deletion takes several and can be interrupted between them.
        "annals.account-deletion.batch-size=2",
        // A rebuild refused because a (pretend) node never lets go of a segment gives up sooner.
        "annals.rebuild.claim-wait-ms=5000",
        "annals.emoji.static-dir=src/test/resources/emoji-fixture/static",
        "annals.emoji.lists=src/test/resources/emoji-fixture/emoji.txt," + ApiTest.RELOADABLE_EMOJI_LIST
})
public abstract class ApiTest {

    public static final String ADMIN_TOKEN = "test-admin-token";
    /** An emoji list a test may write before asking for a reload. */
    public static final String RELOADABLE_EMOJI_LIST = "target/test-emoji/custom_emoji.txt";
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    private Environment environment;

    @Autowired
    private ConsistencyBarrier barrier;

    @Autowired
    private AccountLookup accountLookup;

    protected Http http;

    public record App(String id, String clientId, String clientSecret) {
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /**
     * Runs the account command line against this server's database, then waits until this
     * server's read models have seen what it wrote (it arrives by polling, not by a local commit).
     */
    protected int commandLine(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--spring.datasource.url=" + environment.getProperty("spring.datasource.url");
        int exit = UserCommandLine.run(all);
        if (exit == 0) {
            accountLookup.byNickname(args[1])
                    .ifPresent(account -> barrier.awaitLatestEventOf(account.accountId()));
        }
        return exit;
    }

    /** A nickname no other test uses. */
    protected static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 100_000, 36);
    }

    protected App app(String scopes) {
        Http.Response response = http.postForm("/api/v1/apps",
                List.of("client_name", "tests", "redirect_uris", "urn:ietf:wg:oauth:2.0:oob", "scopes", scopes));
        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        return new App(json.get("id").asText(), json.get("client_id").asText(), json.get("client_secret").asText());
    }

    protected App app() {
        return app("read write follow push");
    }

    /** Registers through the TwitterAPI endpoint and returns the new account's id. */
    protected String register(String nickname) {
        Http.Response response = http.postForm("/api/account/register", List.of("nickname", nickname,
                "email", nickname + "@example.org", "fullname", nickname + " full", "password", PASSWORD,
                "confirm", PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    protected JsonNode passwordGrant(App app, String login, String scope) {
        List<String> form = new java.util.ArrayList<>(List.of("grant_type", "password", "client_id", app.clientId(),
                "client_secret", app.clientSecret(), "username", login, "password", PASSWORD));
        if (scope != null) {
            form.addAll(List.of("scope", scope));
        }
        Http.Response response = http.postForm("/oauth/token", form);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A registered account with a bearer header carrying every scope of the default app. */
    public record User(String id, String nickname, String bearer) {
    }

    protected User user(String prefix) {
        String nickname = unique(prefix);
        String id = register(nickname);
        return new User(id, nickname, Http.bearer(tokenFor(nickname)));
    }

    /** A fresh account and a token with every scope of the default app. */
    protected String tokenFor(String nickname) {
        return passwordGrant(app(), nickname, null).get("access_token").asText();
    }

    /** Posts a status (form fields alternate names and values). */
    protected Http.Response postStatus(User author, String... form) {
        return http.postForm("/api/v1/statuses", List.of(form), "Authorization", author.bearer());
    }

    protected String postStatusId(User author, String... form) {
        Http.Response response = postStatus(author, form);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    /** A POST with an empty JSON body (as clients send favourite, follow, dismiss) that must answer 200. */
    protected Http.Response act(User actor, String path) {
        Http.Response response = http.postJson(path, "", "Authorization", actor.bearer());
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response;
    }

    /**
     * Asks {@code probe} every 50 ms until {@code done} holds of its answer (for what the read
     * models show a moment after a write), and answers that; fails after 20 s.
     */
    protected static <T> T eventually(java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done,
                                      String what) {
        long deadline = System.currentTimeMillis() + 20_000;
        T answer = probe.get();
        while (!done.test(answer)) {
            assertThat(System.currentTimeMillis()).as("%s in time, have %s", what, answer).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            answer = probe.get();
        }
        return answer;
    }

    /** The {@code id} of each element of a JSON array, in order. */
    protected static List<String> ids(JsonNode array) {
        List<String> ids = new java.util.ArrayList<>();
        array.forEach(element -> ids.add(element.get("id").asText()));
        return ids;
    }

    protected static List<String> ids(Http.Response response) {
        return ids(response.json());
    }
}
