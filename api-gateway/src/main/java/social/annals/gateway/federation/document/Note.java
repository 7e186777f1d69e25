package social.annals.gateway.federation.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A status as an ActivityPub {@code Note}; {@code context} is null when the note is embedded in an activity. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Note(
        @JsonProperty("@context") List<Object> context,
        String id,
        String type,
        String attributedTo,
        String summary,
        String content,
        boolean sensitive,
        String inReplyTo,
        String published,
        String url,
        List<String> to,
        List<String> cc,
        String conversation,
        List<Tag> tag,
        List<Attachment> attachment) {

    public record Attachment(String type, String mediaType, String url, String name) {
    }

    public Note embedded() {
        return new Note(null, id, type, attributedTo, summary, content, sensitive, inReplyTo, published, url, to, cc,
                conversation, tag, attachment);
    }
}
