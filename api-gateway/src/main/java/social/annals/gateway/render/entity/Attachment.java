package social.annals.gateway.render.entity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Mastodon's MediaAttachment as Pleroma 1.x renders it: every URL the same file, {@code type}
 * ({@code image}, {@code video}, {@code audio} or {@code unknown}) from the MIME type.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Attachment(
        String id,
        String url,
        String remoteUrl,
        String previewUrl,
        String textUrl,
        String type,
        String description,
        Pleroma pleroma) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pleroma(String mimeType) {
    }
}
