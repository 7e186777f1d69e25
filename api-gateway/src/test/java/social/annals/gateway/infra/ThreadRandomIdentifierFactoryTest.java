package social.annals.gateway.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class ThreadRandomIdentifierFactoryTest {

    @Test
    void axonFindsTheFactoryThroughTheServiceLoader() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(ThreadRandomIdentifierFactory.class);
    }

    @Test
    void identifiersAreDistinctVersionFourUuids() {
        ThreadRandomIdentifierFactory factory = new ThreadRandomIdentifierFactory();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String identifier = factory.generateIdentifier();
            UUID uuid = UUID.fromString(identifier);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(identifier);
            seen.add(identifier);
        }
        assertThat(seen).hasSize(10_000);
    }
}
