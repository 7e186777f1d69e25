package social.annals.gateway.federation.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An ActivityPub actor document: a local account as {@code Person}, the instance actor as {@code Application}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(
        @JsonProperty("@context") List<Object> context,
        String id,
        String type,
        String preferredUsername,
        String name,
        String summary,
        String url,
        String inbox,
        String outbox,
        String followers,
        String following,
        String featured,
        Endpoints endpoints,
        PublicKey publicKey,
        Image icon,
        Image image,
        boolean manuallyApprovesFollowers,
        boolean discoverable,
        List<Tag> tag,
        List<Object> attachment,
        String published) {

    public record Endpoints(String sharedInbox) {
    }

    public record PublicKey(String id, String owner, String publicKeyPem) {
    }
}
