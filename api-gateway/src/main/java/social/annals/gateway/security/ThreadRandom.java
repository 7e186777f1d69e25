package social.annals.gateway.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A cryptographically strong random generator per thread. Every {@code new SecureRandom()} on
 * Linux reads through one lock shared by the whole JVM (NativePRNG), and Axon asks for a random
 * identifier for every message: under load, request threads queued on that lock while holding
 * database connections (docs/measurements.md, twelfth round). A DRBG per thread, seeded from the
 * system's entropy once, never waits on another thread.
 */
public final class ThreadRandom {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(ThreadRandom::drbg);

    private ThreadRandom() {
    }

    public static SecureRandom current() {
        return RANDOM.get();
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is part of every Java 9+ runtime", e);
        }
    }
}
