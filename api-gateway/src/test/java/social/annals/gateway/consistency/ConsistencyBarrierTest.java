package social.annals.gateway.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
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

    private static final Segment[] HALVES = Segment.ROOT_SEGMENT.split();

    private static EventTrackerStatus working(Segment segment) {
        EventTrackerStatus status = org.mockito.Mockito.mock(EventTrackerStatus.class);
        org.mockito.Mockito.when(status.getSegment()).thenReturn(segment);
        return status;
    }

    @Test
    void aNodeThatWorksEverySegmentNeedsNoTokenTable() {
        assertThat(ConsistencyBarrier.coversWholeStream(Map.of(0, working(Segment.ROOT_SEGMENT)))).isTrue();
        assertThat(ConsistencyBarrier.coversWholeStream(Map.of(0, working(HALVES[0]), 1, working(HALVES[1]))))
                .isTrue();
        assertThat(ConsistencyBarrier.coversWholeStream(Map.of(0, working(HALVES[0])))).isFalse();
        Segment quarter = HALVES[1].split()[1];
        assertThat(ConsistencyBarrier.coversWholeStream(Map.of(0, working(HALVES[0]), 3, working(quarter))))
                .isFalse();
        assertThat(ConsistencyBarrier.coversWholeStream(Map.of())).isFalse();
    }
}
