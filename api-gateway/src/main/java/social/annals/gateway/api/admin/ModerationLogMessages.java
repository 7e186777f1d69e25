package social.annals.gateway.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Pleroma 1.1's moderation log messages, rendered from an entry's data. */
final class ModerationLogMessages {

    private ModerationLogMessages() {
    }

    static String render(JsonNode data) {
        String actor = "@" + data.path("actor").path("nickname").asText();
        String subject = "@" + data.path("subject").path("nickname").asText();
        return switch (data.path("action").asText()) {
            case "delete" -> actor + " deleted user " + subject;
            case "create" -> actor + " created users: " + String.join(", ", nicknames(data.path("subjects")));
            case "activate" -> actor + " activated user " + subject;
            case "deactivate" -> actor + " deactivated user " + subject;
            case "tag" -> actor + " added tags: " + joined(data.path("tags")) + " to users: "
                    + String.join(", ", mentions(data.path("nicknames")));
            case "untag" -> actor + " removed tags: " + joined(data.path("tags")) + " from users: "
                    + String.join(", ", mentions(data.path("nicknames")));
            case "grant" -> actor + " made " + subject + " " + data.path("permission").asText();
            case "revoke" -> actor + " revoked " + data.path("permission").asText() + " role from " + subject;
            case "follow" -> actor + " made @" + data.path("follower").path("nickname").asText() + " follow @"
                    + data.path("followed").path("nickname").asText();
            case "unfollow" -> actor + " made @" + data.path("follower").path("nickname").asText() + " unfollow @"
                    + data.path("followed").path("nickname").asText();
            case "status_update" -> actor + " updated status #" + data.path("subject").path("id").asText() + ", set "
                    + statusChanges(data);
            case "instance_policy" -> actor + " " + instancePolicies(data);
            case "rebuild" -> actor + " rebuilt read models: " + joined(data.path("read_models"));
            case "status_delete" -> actor + " deleted status #" + data.path("subject_id").asText();
            case "report_update" -> actor + " updated report #" + data.path("subject").path("id").asText() + " with '"
                    + data.path("subject").path("state").asText() + "' state";
            case "report_response" -> actor + " responded with '" + data.path("text").asText() + "' to report #"
                    + data.path("subject").path("id").asText();
            default -> actor + " " + data.path("action").asText();
        };
    }

    private static String instancePolicies(JsonNode data) {
        String host = data.path("host").asText();
        List<String> changes = new ArrayList<>();
        if (!data.path("applied").isEmpty()) {
            changes.add("applied " + joined(data.path("applied")) + " to instance " + host);
        }
        if (!data.path("lifted").isEmpty()) {
            changes.add("lifted " + joined(data.path("lifted")) + " from instance " + host);
        }
        String message = changes.isEmpty() ? "changed the reason for the policies of instance " + host
                : String.join(" and ", changes);
        String reason = data.path("reason").isTextual() ? data.path("reason").asText() : null;
        return reason == null ? message : message + ", reason: '" + reason + "'";
    }

    private static String statusChanges(JsonNode data) {
        boolean sensitive = !data.path("sensitive").isNull() && !data.path("sensitive").isMissingNode();
        boolean visibility = !data.path("visibility").isNull() && !data.path("visibility").isMissingNode();
        if (sensitive && visibility) {
            return "sensitive: '" + data.path("sensitive").asText() + "', visibility: '"
                    + data.path("visibility").asText() + "'";
        }
        return sensitive ? "sensitive: '" + data.path("sensitive").asText() + "'"
                : "visibility: '" + data.path("visibility").asText() + "'";
    }

    private static List<String> nicknames(JsonNode users) {
        List<String> out = new ArrayList<>();
        users.forEach(user -> out.add("@" + user.path("nickname").asText()));
        return out;
    }

    private static List<String> mentions(JsonNode nicknames) {
        List<String> out = new ArrayList<>();
        nicknames.forEach(nickname -> out.add("@" + nickname.asText()));
        return out;
    }

    private static String joined(JsonNode texts) {
        List<String> out = new ArrayList<>();
        texts.forEach(text -> out.add(text.asText()));
        return String.join(", ", out);
    }
}
