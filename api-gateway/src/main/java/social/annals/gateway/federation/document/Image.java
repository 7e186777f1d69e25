package social.annals.gateway.federation.document;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Image(String type, String url, String mediaType) {

    public static Image of(String url) {
        return new Image("Image", url, null);
    }
}
