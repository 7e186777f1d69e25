package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Pleroma's text by MIME type; only {@code text/plain} is offered. */
public record PlainText(@JsonProperty("text/plain") String plain) {
}
