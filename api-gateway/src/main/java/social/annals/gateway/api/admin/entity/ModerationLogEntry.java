package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the moderation log, Pleroma 1.1's shape: the action's data, its time in epoch
 * seconds, and the message rendered from the data.
 *
 * @param data the entry as recorded: its fields depend on the action (actor, subject, tags,
 *             permission…), so it is passed through as the stored JSON
 */
public record ModerationLogEntry(JsonNode data, long time, String message) {
}
