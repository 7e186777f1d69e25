package social.annals.gateway.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import social.annals.command.status.StatusCommands;
import social.annals.events.oauth.AccessTokenIssued;
import social.annals.events.status.StatusPosted;
import social.annals.gateway.support.ApiTest;
import social.annals.query.account.AccountProjection;
import social.annals.query.status.HomeTimelineProjection;
import social.annals.query.status.StatusProjection;

/** Which read models a send waits for is asked of Axon's processors: the gateway keeps no list. */
class ReadModelsTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aPostIsWaitedForByTheStreamingReadModelsThatHandleItAndByNoProcess() {
        ReadModels readModels = new ReadModels(processing);
        assertThat(readModels.handling(List.of(StatusPosted.class)))
                .contains(StatusProjection.GROUP, HomeTimelineProjection.GROUP, AccountProjection.GROUP)
                .noneMatch(group -> group.startsWith("policy-"));
    }

    @Test
    void readModelsUpdatedInTheCommandsOwnTransactionAreNotWaitedFor() {
        ReadModels readModels = new ReadModels(processing);
        assertThat(readModels.handling(List.of(AccessTokenIssued.class))).isEmpty();
        assertThat(readModels.all()).contains(StatusProjection.GROUP).noneMatch(group -> group.startsWith("policy-"));
    }

    @Test
    void aCommandThatChangesNothingIsTracedToItsTargetAggregate() {
        assertThat(ReadModels.targetOf(new StatusCommands.Delete("status-1", "account-1", false)))
                .isEqualTo("status-1");
        assertThat(ReadModels.targetOf("not a command")).isNull();
        assertThat(ReadModels.classNamed(StatusPosted.class.getName())).isEqualTo(StatusPosted.class);
        assertThat(ReadModels.classNamed("social.annals.events.Renamed")).isNull();
    }
}
