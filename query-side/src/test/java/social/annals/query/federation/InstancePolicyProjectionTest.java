package social.annals.query.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.events.federation.ActivityRejected;
import social.annals.events.federation.InstancePoliciesChanged;
import social.annals.events.federation.InstancePolicy;
import social.annals.events.moderation.Moderator;
import social.annals.query.support.TestDatabase;

class InstancePolicyProjectionTest {

    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");
    private static final Moderator ADMIN = new Moderator("a1", "admin");

    private final InstancePolicyProjection projection = new InstancePolicyProjection(TestDatabase.jdbc());

    @BeforeEach
    void emptyReadModel() {
        projection.reset();
    }

    private static InstancePoliciesChanged changed(String host, List<InstancePolicy> policies, String reason) {
        return new InstancePoliciesChanged(host, policies, policies, List.of(), reason, ADMIN, AT);
    }

    private static ActivityRejected rejected(String id, String host, Instant at) {
        return new ActivityRejected("inbound-" + id, "https://" + host + "/activities/" + id, "Create",
                "https://" + host + "/users/spam", host, null, InstancePolicy.REJECT, at);
    }

    @Test
    void showsEachHostsPoliciesAsLastSetAndForgetsAHostWhoseAreAllLifted() {
        projection.on(changed("spam.example", List.of(InstancePolicy.REJECT), "spam"));
        projection.on(changed("*.nsfw.example", List.of(InstancePolicy.MEDIA_NSFW, InstancePolicy.AVATAR_REMOVAL),
                null));
        projection.on(changed("spam.example", List.of(InstancePolicy.REJECT, InstancePolicy.REPORT_REMOVAL), "spam!"));
        projection.on(changed("gone.example", List.of(InstancePolicy.ACCEPT), null));
        projection.on(changed("gone.example", List.of(), null));

        assertThat(projection.handle(new InstancePolicyQueries.All())).containsExactly(
                new InstancePolicyQueries.HostPolicies("*.nsfw.example",
                        List.of(InstancePolicy.MEDIA_NSFW, InstancePolicy.AVATAR_REMOVAL), null, AT),
                new InstancePolicyQueries.HostPolicies("spam.example",
                        List.of(InstancePolicy.REJECT, InstancePolicy.REPORT_REMOVAL), "spam!", AT));
    }

    @Test
    void listsRejectedActivitiesNewestFirstByHostAndPagedAndReplaysToTheSameRows() {
        projection.on(rejected("1", "spam.example", AT));
        projection.on(rejected("2", "other.example", AT.plusSeconds(1)));
        projection.on(rejected("3", "spam.example", AT.plusSeconds(2)));
        projection.on(rejected("3", "spam.example", AT.plusSeconds(2)));

        var all = projection.handle(new InstancePolicyQueries.Rejected(null, 1, 50));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(InstancePolicyQueries.RejectedActivity::activityUri).containsExactly(
                "https://spam.example/activities/3", "https://other.example/activities/2",
                "https://spam.example/activities/1");
        var secondPage = projection.handle(new InstancePolicyQueries.Rejected("spam.example", 2, 1));
        assertThat(secondPage.total()).isEqualTo(2);
        assertThat(secondPage.items()).singleElement().satisfies(item -> {
            assertThat(item.activityUri()).isEqualTo("https://spam.example/activities/1");
            assertThat(item.policy()).isEqualTo(InstancePolicy.REJECT);
            assertThat(item.actorUri()).isEqualTo("https://spam.example/users/spam");
        });
    }
}
