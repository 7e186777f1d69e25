package social.annals.gateway.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class ConsistencyBarrierTest {

    @Test
    void aProcessorPastAnEventThatItStillHasAsAGapHasNotSeenIt() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(11, List.of(10L));
        assertThat(ConsistencyBarrier.covers(token, 10, false)).isFalse();
        assertThat(ConsistencyBarrier.covers(token, 11, false)).isTrue();
        assertThat(ConsistencyBarrier.covers(token, 9, false)).isTrue();
        assertThat(ConsistencyBarrier.covers(token, 12, false)).isFalse();
    }

    @Test
    void reachingAPositionIsEnoughForHeadChecks() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(11, List.of(10L));
        assertThat(ConsistencyBarrier.covers(token, 10, true)).isTrue();
    }

    @Test
    void aReplayingProcessorIsJudgedByItsCurrentPosition() {
        GapAwareTrackingToken head = GapAwareTrackingToken.newInstance(100, List.of());
        GapAwareTrackingToken current = GapAwareTrackingToken.newInstance(40, List.of());
        assertThat(ConsistencyBarrier.covers(ReplayToken.createReplayToken(head, current), 40, false)).isTrue();
        assertThat(ConsistencyBarrier.covers(ReplayToken.createReplayToken(head, current), 41, false)).isFalse();
        assertThat(ConsistencyBarrier.covers(null, 1, false)).isFalse();
    }
}
