package social.annals.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.annals.command.notification.NotificationRules.Recipient;
import social.annals.command.notification.NotificationRules.Settings;
import social.annals.events.notification.NotificationType;

/** pleroma-api §2.11: each switch against each relationship between actor X and recipient R. */
class NotificationRulesTest {

    private static final Map<String, Settings> SETTINGS = new LinkedHashMap<>();
    private static final Map<String, boolean[]> RELATIONSHIPS = new LinkedHashMap<>();

    static {
        SETTINGS.put("all on", Settings.DEFAULT);
        SETTINGS.put("followers off", new Settings(false, true, true, true));
        SETTINGS.put("follows off", new Settings(true, false, true, true));
        SETTINGS.put("remote off", new Settings(true, true, false, true));
        SETTINGS.put("local off", new Settings(true, true, true, false));
        // {R follows X, X follows R}
        RELATIONSHIPS.put("stranger", new boolean[] {false, false});
        RELATIONSHIPS.put("follower", new boolean[] {false, true});
        RELATIONSHIPS.put("followee", new boolean[] {true, false});
        RELATIONSHIPS.put("mutual", new boolean[] {true, true});
    }

    private static boolean notifies(String setting, String relationship, boolean local) {
        boolean[] follows = RELATIONSHIPS.get(relationship);
        Recipient recipient = new Recipient("R", false, false, follows[0], follows[1], SETTINGS.get(setting), false);
        return NotificationRules.notifies(recipient, "X", NotificationType.MENTION, local);
    }

    @Test
    void eachSwitchDropsExactlyItsClass() {
        Map<String, List<Boolean>> local = new LinkedHashMap<>();
        Map<String, List<Boolean>> remote = new LinkedHashMap<>();
        for (String setting : SETTINGS.keySet()) {
            local.put(setting, RELATIONSHIPS.keySet().stream().map(r -> notifies(setting, r, true)).toList());
            remote.put(setting, RELATIONSHIPS.keySet().stream().map(r -> notifies(setting, r, false)).toList());
        }
        // Columns: stranger, follower, followee, mutual.
        assertThat(local).containsExactly(
                Map.entry("all on", List.of(true, true, true, true)),
                Map.entry("followers off", List.of(true, false, true, false)),
                Map.entry("follows off", List.of(true, true, false, false)),
                Map.entry("remote off", List.of(true, true, true, true)),
                Map.entry("local off", List.of(false, false, false, false)));
        assertThat(remote).containsExactly(
                Map.entry("all on", List.of(true, true, true, true)),
                Map.entry("followers off", List.of(true, false, true, false)),
                Map.entry("follows off", List.of(true, true, false, false)),
                Map.entry("remote off", List.of(false, false, false, false)),
                Map.entry("local off", List.of(true, true, true, true)));
    }

    @Test
    void selfBlocksAndNotificationMutesAlwaysDrop() {
        Settings on = Settings.DEFAULT;
        assertThat(NotificationRules.notifies(new Recipient("X", false, false, false, false, on, false), "X",
                NotificationType.FAVOURITE, true)).isFalse();
        assertThat(NotificationRules.notifies(new Recipient("R", true, false, false, false, on, false), "X",
                NotificationType.MENTION, true)).isFalse();
        assertThat(NotificationRules.notifies(new Recipient("R", false, true, false, false, on, false), "X",
                NotificationType.REBLOG, true)).isFalse();
    }

    @Test
    void onlyFollowsAreDroppedForAnExistingFollowNotification() {
        Recipient notifiedBefore = new Recipient("R", false, false, false, false, Settings.DEFAULT, true);
        assertThat(NotificationRules.notifies(notifiedBefore, "X", NotificationType.FOLLOW, true)).isFalse();
        assertThat(NotificationRules.notifies(notifiedBefore, "X", NotificationType.MENTION, true)).isTrue();
    }
}
