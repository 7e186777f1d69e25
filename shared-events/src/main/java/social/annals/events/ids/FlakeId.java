package social.annals.events.ids;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Pleroma's 128-bit time-ordered id in its base62 text form: 64 bits of epoch milliseconds,
 * 48 bits of worker id and a 16-bit sequence. Ids from 1975 to 2283 are exactly 18 characters,
 * so equal-length ids sort as text in creation order.
 */
public final class FlakeId {

    public static final int TEXT_LENGTH = 18;
    /** 62^22 > 2^128: no longer text can be a 128-bit id, so none is decoded (decoding grows with the square of the length). */
    public static final int MAX_TEXT_LENGTH = 22;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(128);

    private FlakeId() {
    }

    public static String encode(long millis, long worker48, int sequence16) {
        BigInteger value = BigInteger.valueOf(millis).shiftLeft(64)
                .or(BigInteger.valueOf(worker48 & 0xFFFF_FFFF_FFFFL).shiftLeft(16))
                .or(BigInteger.valueOf(sequence16 & 0xFFFF));
        return encode(value);
    }

    public static String encode(BigInteger value) {
        if (value.signum() == 0) {
            return "0";
        }
        StringBuilder text = new StringBuilder();
        BigInteger rest = value;
        while (rest.signum() > 0) {
            BigInteger[] qr = rest.divideAndRemainder(BASE);
            text.append(ALPHABET.charAt(qr[1].intValue()));
            rest = qr[0];
        }
        return text.reverse().toString();
    }

    /** The 128-bit value of an 18+ character id, or empty when the text is not a flake id. */
    public static Optional<BigInteger> decode(String text) {
        if (text == null || text.length() < TEXT_LENGTH || text.length() > MAX_TEXT_LENGTH) {
            return Optional.empty();
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                return Optional.empty();
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        return value.compareTo(MAX) < 0 ? Optional.of(value) : Optional.empty();
    }

    /** True when the text could name an entity: a well-formed flake id or a legacy decimal id. */
    public static boolean isWellFormed(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (text.length() < TEXT_LENGTH) {
            return text.chars().allMatch(Character::isDigit);
        }
        return decode(text).isPresent();
    }

    /** Epoch milliseconds of a flake id. */
    public static long timestampOf(String text) {
        return decode(text).map(v -> v.shiftRight(64).longValue())
                .orElseThrow(() -> new IllegalArgumentException("not a flake id: " + text));
    }
}
