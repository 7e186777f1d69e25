package social.annals.gateway.render.entity;

/** The application a status was posted with ({@code Web} when none is known); no website is kept. */
public record Application(String name, String website) {
}
