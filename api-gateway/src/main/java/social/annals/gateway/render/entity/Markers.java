package social.annals.gateway.render.entity;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The markers asked for, by timeline; only the notifications timeline has one here ({@code {}} otherwise). */
public record Markers(@JsonInclude(JsonInclude.Include.NON_NULL) Marker notifications) {
}
