package social.annals.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void aShortPasswordMatchesOnlyItself() {
        String hash = hasher.hash("correct horse");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsf", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAcceptedAndEveryCharacterCounts() {
        String longPassword = "ü".repeat(40) + "-tail";
        String hash = hasher.hash(longPassword);
        assertThat(hasher.matches(longPassword, hash)).isTrue();
        assertThat(hasher.matches("ü".repeat(40) + "-tale", hash)).isFalse();
        assertThat(hasher.matches("x".repeat(20_000), hash)).isFalse();
    }
}
