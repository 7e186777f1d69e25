package social.annals.command.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.moderation.Moderator;
import social.annals.events.report.ReportFiled;
import social.annals.events.report.ReportResponded;
import social.annals.events.report.ReportState;
import social.annals.events.report.ReportStateChanged;

class ReportTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Moderator ROOT = new Moderator("R", "root");
    private static final ReportFiled FILED = new ReportFiled("P1", "U", "A", List.of("S1"), "spam", NOW, false);

    private AggregateTestFixture<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aReportIsFiledOpen() {
        fixture.givenNoPriorActivity()
                .when(new ReportCommands.File("P1", "U", "A", List.of("S1"), "spam", false))
                .expectEvents(FILED);
    }

    @Test
    void eachStateChangeIsRecordedAndAResponseCarriesTheCurrentState() {
        fixture.given(FILED)
                .when(new ReportCommands.ChangeState("P1", ReportState.RESOLVED, ROOT))
                .expectEvents(new ReportStateChanged("P1", "A", ReportState.RESOLVED, ROOT, NOW));
        fixture.given(FILED, new ReportStateChanged("P1", "A", ReportState.CLOSED, ROOT, NOW))
                .when(new ReportCommands.RecordResponse("P1", "S9", "thanks", ROOT))
                .expectEvents(new ReportResponded("P1", "A", ReportState.CLOSED, "S9", "thanks", ROOT, NOW));
    }
}
