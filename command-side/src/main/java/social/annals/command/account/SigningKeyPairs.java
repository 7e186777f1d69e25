package social.annals.command.account;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the RSA key pairs accounts sign federation requests with, PEM-encoded as actor documents
 * publish them. A bean rather than a static so that fixture tests can inject fixed keys, and so that
 * tests can use shorter keys: generating 2048 bits takes about 100 ms.
 */
@Component
public class SigningKeyPairs {

    private final int bits;

    public SigningKeyPairs(@Value("${annals.federation.key-bits:2048}") int bits) {
        this.bits = bits;
    }

    public record Pem(String publicKey, String privateKey) {

        @Override
        public String toString() {
            return "SigningKeyPairs.Pem[publicKey=" + publicKey + "]";
        }
    }

    public Pem generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            return new Pem(pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has RSA", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
