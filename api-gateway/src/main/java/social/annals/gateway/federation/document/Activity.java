package social.annals.gateway.federation.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An activity we publish; {@code object} is an id or an embedded object (a Note, an activity being
 * undone). {@code content} is only an EmojiReact's emoji.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Activity(
        @JsonProperty("@context") List<Object> context,
        String id,
        String type,
        String actor,
        Object object,
        List<String> to,
        List<String> cc,
        String published,
        String content) {

    public Activity(List<Object> context, String id, String type, String actor, Object object, List<String> to,
                    List<String> cc, String published) {
        this(context, id, type, actor, object, to, cc, published, null);
    }

    public Activity embedded() {
        return new Activity(null, id, type, actor, object, to, cc, published, content);
    }
}
