package social.annals.events.account;

import java.time.Instant;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/**
 * A local account's key pair for signing what it sends to other servers. The public key is
 * published in its actor document; the private key (PKCS#8 PEM) is a secret, encrypted under the
 * account's personal-data key like its other personal data, so deleting the account destroys it.
 */
public record SigningKeyGenerated(
        @DataSubject String accountId,
        String publicKeyPem,
        @PersonalData String privateKeyPem,
        Instant generatedAt) {

    @Override
    public String toString() {
        return "SigningKeyGenerated[accountId=" + accountId + ", generatedAt=" + generatedAt + "]";
    }
}
