package social.annals.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.gateway.AnnalsApplication;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;
import social.annals.query.emoji.EmojiProjection;

/** Two nodes on one database, each running projectors, as docker-compose runs them. */
class TwoNodeRebuildTest extends ApiTest {

    private static final String PROJECTIONS = "/api/pleroma/admin/projections";

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void aFullRebuildOnOneNodeTakesOverTheSegmentsTheOtherNodeHolds() {
        ConfigurableApplicationContext otherNode = new SpringApplicationBuilder(AnnalsApplication.class).run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres", "--annals.roles=projector", "--annals.node-name=node-b",
                "--annals.rebuild.release-poll-ms=200");
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
            otherNode.close();
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
}
