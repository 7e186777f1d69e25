package social.annals.events.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FlakeIdTest {

    @Test
    void encodesPleromasFixtureIdFromItsSixteenBytes() {
        BigInteger value = new BigInteger("0000016850e502eb8c1645c935d20000", 16);
        assertThat(FlakeId.encode(value)).isEqualTo("9eoozpwTul5mjSEDRI");
        assertThat(FlakeId.decode("9eoozpwTul5mjSEDRI")).contains(value);
    }

    @Test
    void encodesTimeWorkerAndSequenceIntoEighteenCharacters() {
        String id = FlakeId.encode(0x0000016850e502ebL, 0x8c1645c935d2L, 0);
        assertThat(id).isEqualTo("9eoozpwTul5mjSEDRI").hasSize(FlakeId.TEXT_LENGTH);
        assertThat(FlakeId.timestampOf(id)).isEqualTo(0x0000016850e502ebL);
    }

    @Test
    void idsOfLaterMillisecondsOrHigherSequencesSortLaterAsText() {
        String first = FlakeId.encode(1_700_000_000_000L, 42, 0);
        String sameMillisecond = FlakeId.encode(1_700_000_000_000L, 42, 1);
        String nextMillisecond = FlakeId.encode(1_700_000_000_001L, 0, 0);
        assertThat(first).isLessThan(sameMillisecond);
        assertThat(sameMillisecond).isLessThan(nextMillisecond);
    }

    @Test
    void shortNonNumericTextAndForeignCharactersAreNotIds() {
        assertThat(FlakeId.isWellFormed("test")).isFalse();
        assertThat(FlakeId.isWellFormed("9eoozpwTul5mjSED!I")).isFalse();
        assertThat(FlakeId.isWellFormed("")).isFalse();
        assertThat(FlakeId.isWellFormed(null)).isFalse();
        assertThat(FlakeId.decode("zzzzzzzzzzzzzzzzzzzzzzzzz")).isEmpty();
    }

    @Test
    void legacyDecimalIdsAndFlakeIdsAreWellFormed() {
        assertThat(FlakeId.isWellFormed("42")).isTrue();
        assertThat(FlakeId.isWellFormed("9eoozpwTul5mjSEDRI")).isTrue();
    }

    @Test
    void textLongerThanAnyHundredTwentyEightBitIdIsRejectedWithoutDecoding() {
        BigInteger largest = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
        assertThat(FlakeId.encode(largest)).hasSize(FlakeId.MAX_TEXT_LENGTH);
        assertThat(FlakeId.decode(FlakeId.encode(largest))).contains(largest);
        String hostile = "1".repeat(150_000);
        assertThat(FlakeId.decode(hostile)).isEmpty();
        assertThat(FlakeId.isWellFormed(hostile)).isFalse();
    }
}
