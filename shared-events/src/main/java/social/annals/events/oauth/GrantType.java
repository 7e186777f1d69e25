package social.annals.events.oauth;

public enum GrantType {
    PASSWORD,
    CLIENT_CREDENTIALS,
    AUTHORIZATION_CODE,
    REGISTRATION
}
