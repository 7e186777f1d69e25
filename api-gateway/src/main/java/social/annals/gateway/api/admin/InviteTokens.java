package social.annals.gateway.api.admin;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import social.annals.command.secrets.Digests;
import social.annals.command.secrets.ServerSecrets;

/**
 * Invite tokens are derived from the invite's id with a server secret (32 bytes, URL-safe
 * Base64 with padding, like Pleroma's), so no event ever holds one and every node derives the same.
 */
@Component
public class InviteTokens {

    private final ServerSecrets secrets;

    public InviteTokens(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    public String tokenOf(long inviteId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret("invite-tokens"), "HmacSHA256"));
            return Base64.getUrlEncoder().encodeToString(mac.doFinal(ByteBuffer.allocate(8).putLong(inviteId).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String digestOf(String token) {
        return Digests.token(token);
    }
}
