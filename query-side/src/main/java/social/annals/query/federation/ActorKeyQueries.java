package social.annals.query.federation;

/** Queries answered from the "actor-keys" read model. */
public final class ActorKeyQueries {

    private ActorKeyQueries() {
    }

    /** The local account's signing key, or null when it has none (yet, or any more). */
    public record SigningKeyOf(String accountId) {
    }

    /** {@code privateKeyPem} is null when the account's personal data was erased. */
    public record SigningKey(String accountId, String publicKeyPem, String privateKeyPem) {

        @Override
        public String toString() {
            return "SigningKey[accountId=" + accountId + "]";
        }
    }
}
