package social.annals.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.command.status.StatusCommands;
import social.annals.gateway.AnnalsApplication;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;
import social.annals.gateway.support.StreamClient;
import social.annals.query.emoji.EmojiProjection;

/** A second node on this one's database, serving HTTP and running projectors, as docker-compose runs two. */
class TwoNodesTest extends ApiTest {

    private static final String PROJECTIONS = "/api/pleroma/admin/projections";
    private static ConfigurableApplicationContext otherNode;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @BeforeEach
    void startTheOtherNode() {
        if (otherNode == null) {
            otherNode = new SpringApplicationBuilder(AnnalsApplication.class).run(
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=postgres", "--annals.roles=web,projector", "--server.port=0",
                    "--annals.node-name=node-b", "--annals.rebuild.release-poll-ms=200",
                    "--annals.rate-limits.exempt=127.0.0.1",
                    // The same emoji as this node: a node records the emoji it finds when it starts.
                    "--annals.emoji.static-dir=" + environment.getProperty("annals.emoji.static-dir"),
                    "--annals.emoji.lists=" + environment.getProperty("annals.emoji.lists"));
        }
    }

    @AfterAll
    static void stopTheOtherNode() {
        if (otherNode != null) {
            otherNode.close();
            otherNode = null;
        }
    }

    /** The event log is what every node reads: a post written through this node reaches a client of the other. */
    @Test
    void aPostWrittenOnOneNodeReachesAStreamingClientOfTheOther() {
        User reader = user("farreader");
        User author = user("farwriter");
        act(reader, "/api/v1/accounts/" + author.id() + "/follow");
        int otherPort = Integer.parseInt(otherNode.getEnvironment().getProperty("local.server.port"));
        String token = reader.bearer().substring("Bearer ".length());
        try (StreamClient stream = StreamClient.open(otherPort, "/api/v1/streaming?stream=user&access_token=" + token);
             StreamClient everyone = StreamClient.open(otherPort, "/api/v1/streaming?stream=public")) {
            String id = postStatusId(author, "status", "written on node A");
            assertThat(StreamClient.payload(stream.nextEvent("update")).get("id").asText()).isEqualTo(id);
            assertThat(StreamClient.payload(everyone.nextEvent("update")).get("id").asText()).isEqualTo(id);
        }
    }

    /** Both nodes do an account's first favourite of a status at once: both create its aggregate, one retries. */
    @Test
    void theSameFirstActionOnTwoNodesAtOnceSucceedsOnBoth() throws Exception {
        User author = user("raced");
        User fan = user("racer");
        CommandGateway otherNodesCommands = otherNode.getBean(CommandGateway.class);
        List<String> statuses = new ArrayList<>();
        // Whether a given pair collides is up to the scheduler; ten pairs usually give a collision or two.
        for (int i = 0; i < 10; i++) {
            statuses.add(postStatusId(author, "status", "race " + i));
        }
        for (String status : statuses) {
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> here = CompletableFuture.supplyAsync(() -> {
                await(go);
                return http.postJson("/api/v1/statuses/" + status + "/favourite", "", "Authorization", fan.bearer())
                        .status();
            });
            CompletableFuture<Object> there = CompletableFuture.supplyAsync(() -> {
                await(go);
                return otherNodesCommands.sendAndWait(new StatusCommands.Favourite(fan.id(), status, author.id()));
            });
            go.countDown();
            assertThat(here.get()).isEqualTo(200);
            there.get(); // throws if the other node's command failed
        }
        for (String status : statuses) {
            assertThat(http.get("/api/v1/statuses/" + status, "Authorization", fan.bearer()).json()
                    .get("favourites_count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aFullRebuildOnOneNodeTakesOverTheSegmentsTheOtherNodeHolds() {
        StreamingEventProcessor emoji = processing.eventProcessor(EmojiProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        try {
            String here = owner(EmojiProjection.GROUP);
            // This node lets go of a read model, as a node does when it restarts: the other one takes it.
            emoji.shutDown();
            eventually(() -> owner(EmojiProjection.GROUP), "node-b"::equals, "the other node holding the emoji read model");
            emoji.start();

            Http.Response started = http.postJson(PROJECTIONS + "/rebuild?admin_token=" + ADMIN_TOKEN, Map.of());
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            eventually(() -> http.get(PROJECTIONS + "?admin_token=" + ADMIN_TOKEN).json().findValuesAsText("state"),
                    states -> states.stream().allMatch("live"::equals), "every read model live again");
            assertThat(owner(EmojiProjection.GROUP)).isEqualTo(here);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM read_model_segment_release", Integer.class))
                    .as("the request to let go is withdrawn once served").isZero();
        } finally {
            if (!emoji.isRunning()) {
                emoji.start();
            }
        }
        assertThat(http.get("/api/pleroma/emoji").status()).isEqualTo(200);
    }

    private String owner(String group) {
        List<String> owners = jdbc.queryForList("SELECT owner FROM tokenentry WHERE processorname = ? AND segment = 0",
                String.class, group);
        return owners.isEmpty() ? null : owners.get(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
