package social.annals.gateway.infra;

import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import social.annals.gateway.security.ThreadRandom;

/**
 * Axon's message identifiers: random (version 4) UUIDs as its default makes them, drawn from a
 * generator per thread instead of {@link UUID#randomUUID()}'s JVM-wide lock. Axon finds it through
 * {@code META-INF/services}.
 */
public final class ThreadRandomIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        byte[] bytes = new byte[16];
        ThreadRandom.current().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }
}
