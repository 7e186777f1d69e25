package social.annals.gateway.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HttpSignaturesTest {

    private static final KeyPair KEYS = PemKeys.generateRsa();
    private static final KeyPair OTHER_KEYS = PemKeys.generateRsa();
    private static final String KEY_ID = "https://annals.example/users/alice#main-key";
    private static final URI INBOX = URI.create("https://remote.example/users/bob/inbox");
    private static final String INBOX_PATH = "/users/bob/inbox";
    private static final byte[] ACTIVITY =
            "{\"type\":\"Follow\",\"actor\":\"https://annals.example/users/alice\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2024-03-05T10:15:30Z");
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final Duration MAX_SKEW_AHEAD = Duration.ofMinutes(5);

    /*
     * draft-cavage-http-signatures-12, appendix C: the "Default Test" public key and the C.3 "All Headers Test"
     * request. The draft prints that header with "(created) (expires)" in its list as well, but the printed
     * signature is the same as in draft -10, computed over the six headers below; it verifies over those alone.
     */
    private static final String DRAFT_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCFENGw33yGihy92pDjZQhl0C3
            6rPJj+CvfSC8+q28hxA161QFNUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6
            Z4UMR7EOcpfdUE9Hf3m/hs+FUR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJw
            oYi+1hqp1fIekaxsyQIDAQAB
            -----END PUBLIC KEY-----
            """;
    private static final String DRAFT_SIGNATURE = "keyId=\"Test\",algorithm=\"rsa-sha256\","
            + "headers=\"(request-target) host date content-type digest content-length\","
            + "signature=\"vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52"
            + "LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=\"";

    /** A request as the receiving server sees it. */
    private record Request(String method, String path, Map<String, String> headers, byte[] body) {

        static Request signedPost() {
            return new Request("POST", INBOX_PATH,
                    HttpSignatures.signedHeaders("POST", INBOX, ACTIVITY, KEY_ID, KEYS.getPrivate(), NOW), ACTIVITY);
        }

        Request with(String header, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(header, value);
            return new Request(method, path, changed, body);
        }

        Request without(String header) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.remove(header);
            return new Request(method, path, changed, body);
        }

        Verification verify(KeyPair keys, Instant now) {
            return HttpSignatures.verify(method, path, lookup(headers), body, keys.getPublic(), now, MAX_AGE,
                    MAX_SKEW_AHEAD);
        }

        Verification verify() {
            return verify(KEYS, NOW);
        }
    }

    @Test
    void signsAPostWithHostDateDigestContentTypeAndSignatureInThatOrder() {
        Map<String, String> headers =
                HttpSignatures.signedHeaders("POST", INBOX, ACTIVITY, KEY_ID, KEYS.getPrivate(), NOW);

        assertThat(headers.keySet()).containsExactly("Host", "Date", "Digest", "Content-Type", "Signature");
        assertThat(headers).containsEntry("Host", "remote.example")
                .containsEntry("Date", "Tue, 05 Mar 2024 10:15:30 GMT")
                .containsEntry("Digest", BodyDigest.sha256(ACTIVITY))
                .containsEntry("Content-Type", "application/activity+json");
        SignatureHeader signature = SignatureHeader.parse(headers.get("Signature"));
        assertThat(signature.keyId()).isEqualTo(KEY_ID);
        assertThat(signature.algorithm()).isEqualTo("rsa-sha256");
        assertThat(signature.headers()).containsExactly("(request-target)", "host", "date", "digest", "content-type");
    }

    @Test
    void aSignedPostVerifies() {
        assertThat(Request.signedPost().verify()).isEqualTo(Verification.VALID);
    }

    @Test
    void aSignedGetCarriesNoDigestAndVerifiesWithItsQuery() {
        URI outboxPage = URI.create("https://remote.example:8443/users/bob/outbox?page=true&min_id=5");
        Map<String, String> headers =
                HttpSignatures.signedHeaders("GET", outboxPage, null, KEY_ID, KEYS.getPrivate(), NOW);
        Request get = new Request("GET", "/users/bob/outbox?page=true&min_id=5", headers, null);

        assertThat(headers.keySet()).containsExactly("Host", "Date", "Signature");
        assertThat(headers).containsEntry("Host", "remote.example:8443");
        assertThat(SignatureHeader.parse(headers.get("Signature")).headers())
                .containsExactly("(request-target)", "host", "date");
        assertThat(get.verify()).isEqualTo(Verification.VALID);
        assertThat(new Request("GET", "/users/bob/outbox", headers, null).verify())
                .as("the query is signed").isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void anEmptyPathIsSignedAsTheRoot() {
        Map<String, String> headers =
                HttpSignatures.signedHeaders("GET", URI.create("https://remote.example"), null, KEY_ID,
                        KEYS.getPrivate(), NOW);

        assertThat(new Request("GET", "/", headers, null).verify()).isEqualTo(Verification.VALID);
    }

    @Test
    void writesTwoDigitDaysAsMastodonRequires() {
        Map<String, String> headers = HttpSignatures.signedHeaders("GET", INBOX, null, KEY_ID, KEYS.getPrivate(),
                Instant.parse("2014-01-05T21:31:40Z"));

        assertThat(headers).containsEntry("Date", "Sun, 05 Jan 2014 21:31:40 GMT");
    }

    @Test
    void aTamperedBodyIsADigestMismatch() {
        Request post = Request.signedPost();
        byte[] tampered = "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(new Request(post.method(), post.path(), post.headers(), tampered).verify())
                .isEqualTo(Verification.DIGEST_MISMATCH);
    }

    @Test
    void aBodySwappedTogetherWithItsDigestIsABadSignature() {
        byte[] tampered = "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8);
        Request post = Request.signedPost();
        Request swapped = new Request(post.method(), post.path(), post.with("Digest", BodyDigest.sha256(tampered))
                .headers(), tampered);

        assertThat(swapped.verify()).isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void aTamperedSignaturePathHostOrMethodIsABadSignature() {
        Request post = Request.signedPost();
        SignatureHeader signature = SignatureHeader.parse(post.headers().get("Signature"));
        byte[] flipped = signature.signature();
        flipped[10] ^= 1;
        SignatureHeader tampered =
                new SignatureHeader(signature.keyId(), signature.algorithm(), signature.headers(), flipped);
        SignatureHeader truncated =
                new SignatureHeader(signature.keyId(), signature.algorithm(), signature.headers(), new byte[] {1, 2});

        assertThat(post.with("Signature", tampered.format()).verify()).isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(post.with("Signature", truncated.format()).verify()).isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(new Request("POST", "/users/carol/inbox", post.headers(), post.body()).verify())
                .isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(new Request("PUT", post.path(), post.headers(), post.body()).verify())
                .isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(post.with("Host", "elsewhere.example").verify()).isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void anotherKeyIsABadSignature() {
        assertThat(Request.signedPost().verify(OTHER_KEYS, NOW)).isEqualTo(Verification.BAD_SIGNATURE);
    }

    @Test
    void aDateOlderThanTheMaximumAgeOrTooFarAheadIsStale() {
        Request post = Request.signedPost();

        assertThat(post.verify(KEYS, NOW.plus(MAX_AGE))).isEqualTo(Verification.VALID);
        assertThat(post.verify(KEYS, NOW.plus(MAX_AGE).plusSeconds(1))).isEqualTo(Verification.STALE_DATE);
        assertThat(post.verify(KEYS, NOW.minus(MAX_SKEW_AHEAD))).isEqualTo(Verification.VALID);
        assertThat(post.verify(KEYS, NOW.minus(MAX_SKEW_AHEAD).minusSeconds(1))).isEqualTo(Verification.STALE_DATE);
    }

    @Test
    void anUnparseableDateIsStale() {
        Request unparseable = crafted("rsa-sha256", List.of("(request-target)", "host", "date"),
                Map.of("Host", "remote.example", "Date", "yesterday"), null);
        Request wrongWeekday = crafted("rsa-sha256", List.of("(request-target)", "host", "date"),
                Map.of("Host", "remote.example", "Date", "Mon, 05 Mar 2024 10:15:30 GMT"), null);

        assertThat(unparseable.verify()).isEqualTo(Verification.STALE_DATE);
        assertThat(wrongWeekday.verify()).isEqualTo(Verification.STALE_DATE);
    }

    @Test
    void aSignatureThatLeavesTheDigestOfABodyUnsignedMissesARequiredHeader() {
        Request post = Request.signedPost();
        Request digestUnsigned = crafted("rsa-sha256", List.of("(request-target)", "host", "date"), post.headers(),
                ACTIVITY);

        assertThat(digestUnsigned.verify()).isEqualTo(Verification.MISSING_REQUIRED_HEADER);
    }

    @Test
    void aSignatureMustCoverTheRequestTargetHostAndDate() {
        Map<String, String> headers = Map.of("Host", "remote.example", "Date", "Tue, 05 Mar 2024 10:15:30 GMT");

        assertThat(crafted("rsa-sha256", List.of("host", "date"), headers, null).verify())
                .isEqualTo(Verification.MISSING_REQUIRED_HEADER);
        assertThat(crafted("rsa-sha256", List.of("(request-target)", "date"), headers, null).verify())
                .isEqualTo(Verification.MISSING_REQUIRED_HEADER);
        assertThat(crafted("rsa-sha256", List.of("(request-target)", "host"), headers, null).verify())
                .isEqualTo(Verification.MISSING_REQUIRED_HEADER);
        assertThat(crafted("rsa-sha256", List.of("(request-target)", "host", "date"), headers, null).verify())
                .isEqualTo(Verification.VALID);
    }

    @Test
    void aSignedHeaderTheRequestLacksIsAMissingRequiredHeader() {
        assertThat(Request.signedPost().without("Content-Type").verify())
                .isEqualTo(Verification.MISSING_REQUIRED_HEADER);
        assertThat(Request.signedPost().without("Date").verify()).isEqualTo(Verification.MISSING_REQUIRED_HEADER);
    }

    @Test
    void acceptsHs2019AndAnAbsentAlgorithmAsRsaSha256ButNoOtherAlgorithm() {
        Request post = Request.signedPost();
        List<String> covered = List.of("(request-target)", "host", "date", "digest");

        assertThat(crafted("hs2019", covered, post.headers(), ACTIVITY).verify()).isEqualTo(Verification.VALID);
        assertThat(crafted(null, covered, post.headers(), ACTIVITY).verify()).isEqualTo(Verification.VALID);
        assertThat(crafted("hmac-sha256", covered, post.headers(), ACTIVITY).verify())
                .isEqualTo(Verification.MALFORMED_SIGNATURE);
        assertThat(crafted("ecdsa-sha256", covered, post.headers(), ACTIVITY).verify())
                .isEqualTo(Verification.MALFORMED_SIGNATURE);
    }

    @Test
    void fallsBackToTheAuthorizationHeader() {
        Request post = Request.signedPost();
        String signature = post.headers().get("Signature");

        assertThat(post.without("Signature").with("Authorization", "Signature " + signature).verify())
                .isEqualTo(Verification.VALID);
        assertThat(post.without("Signature").with("Authorization", "Bearer abc").verify())
                .isEqualTo(Verification.MISSING_SIGNATURE);
        assertThat(post.without("Signature").verify()).isEqualTo(Verification.MISSING_SIGNATURE);
    }

    @Test
    void aSignatureHeaderThatDoesNotParseIsMalformed() {
        Request post = Request.signedPost();

        assertThat(post.with("Signature", "keyId=\"k\",signature=\"AAAA").verify())
                .isEqualTo(Verification.MALFORMED_SIGNATURE);
        assertThat(post.with("Signature", "garbage").verify()).isEqualTo(Verification.MALFORMED_SIGNATURE);
        assertThat(post.without("Signature").with("Authorization", "Signature ").verify())
                .isEqualTo(Verification.MALFORMED_SIGNATURE);
    }

    @Test
    void theKeyIdCanBeReadFirstThenTheParsedHeaderVerified() {
        Request post = Request.signedPost();
        Function<String, String> headerValue = lookup(post.headers());

        SignatureHeader signature = HttpSignatures.header(headerValue).orElseThrow();

        assertThat(signature.keyId()).isEqualTo(KEY_ID);
        assertThat(HttpSignatures.verify(signature, "POST", INBOX_PATH, headerValue, ACTIVITY, KEYS.getPublic(), NOW,
                MAX_AGE, MAX_SKEW_AHEAD)).isEqualTo(Verification.VALID);
        assertThat(HttpSignatures.verify(signature, "POST", INBOX_PATH, headerValue, ACTIVITY,
                OTHER_KEYS.getPublic(), NOW, MAX_AGE, MAX_SKEW_AHEAD)).isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(HttpSignatures.header(lookup(post.without("Signature").headers()))).isEmpty();
        assertThat(HttpSignatures.header(lookup(post.with("Signature", "garbage").headers()))).isEmpty();
        assertThat(HttpSignatures.header(lookup(post.without("Signature")
                .with("Authorization", "Signature " + post.headers().get("Signature")).headers())))
                .contains(signature);
    }

    @Test
    void coveredCreatedAndExpiresAreSignedAndEnforced() {
        Request post = Request.signedPost();
        List<String> covered = List.of("(request-target)", "(created)", "(expires)", "host", "date", "digest");
        String created = Long.toString(NOW.getEpochSecond());
        String expires = Long.toString(NOW.plusSeconds(60).getEpochSecond());
        Request timed = crafted("hs2019", covered, post.headers(), ACTIVITY, created, expires);

        assertThat(timed.verify()).isEqualTo(Verification.VALID);
        assertThat(timed.verify(KEYS, NOW.plusSeconds(60))).as("expired").isEqualTo(Verification.STALE_DATE);
        assertThat(crafted("hs2019", covered, post.headers(), ACTIVITY,
                Long.toString(NOW.plus(MAX_SKEW_AHEAD).getEpochSecond() + 1), expires).verify())
                .as("created in the future").isEqualTo(Verification.STALE_DATE);
        assertThat(crafted("hs2019", covered, post.headers(), ACTIVITY, null, expires).verify())
                .as("(created) listed without the parameter").isEqualTo(Verification.MISSING_REQUIRED_HEADER);
    }

    @Test
    void theSigningStringListsEachHeaderOnItsOwnLine() {
        Function<String, String> headerValue = lookup(Map.of("Host", "example.com", "Date", " Sun, 05 Jan 2014 "));

        assertThat(HttpSignatures.signingString(List.of("(request-target)", "Host", "date"), "POST", "/foo?a=b",
                headerValue)).isEqualTo("(request-target): post /foo?a=b\nhost: example.com\ndate: Sun, 05 Jan 2014");
        assertThatThrownBy(() -> HttpSignatures.signingString(List.of("digest"), "POST", "/", headerValue))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'digest' is missing");
    }

    @Test
    void signingRejectsAUriWithoutAHost() {
        assertThatThrownBy(() -> HttpSignatures.signedHeaders("GET", URI.create("/relative"), null, KEY_ID,
                KEYS.getPrivate(), NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
    }

    @Test
    void verifiesTheDraftsAllHeadersTestVector() {
        Map<String, String> headers = Map.of(
                "Host", "example.com",
                "Date", "Sun, 05 Jan 2014 21:31:40 GMT",
                "Content-Type", "application/json",
                "Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=",
                "Content-Length", "18",
                "Signature", DRAFT_SIGNATURE);
        byte[] body = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        Request draft = new Request("POST", "/foo?param=value&pet=dog", headers, body);
        KeyPair draftKey = new KeyPair(PemKeys.publicKey(DRAFT_PUBLIC_KEY), null);
        Instant sent = Instant.parse("2014-01-05T21:31:40Z");

        assertThat(HttpSignatures.signingString(SignatureHeader.parse(DRAFT_SIGNATURE).headers(), "POST",
                "/foo?param=value&pet=dog", lookup(headers))).isEqualTo("""
                (request-target): post /foo?param=value&pet=dog
                host: example.com
                date: Sun, 05 Jan 2014 21:31:40 GMT
                content-type: application/json
                digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=
                content-length: 18""");
        assertThat(draft.verify(draftKey, sent)).isEqualTo(Verification.VALID);
        assertThat(draft.with("Content-Length", "19").verify(draftKey, sent)).isEqualTo(Verification.BAD_SIGNATURE);
        assertThat(draft.verify(KEYS, sent)).isEqualTo(Verification.BAD_SIGNATURE);
    }

    private static Function<String, String> lookup(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return byName::get;
    }

    private static Request crafted(String algorithm, List<String> covered, Map<String, String> headers, byte[] body) {
        return crafted(algorithm, covered, headers, body, null, null);
    }

    /** A POST (or a GET without a body) to the inbox, signed over exactly the given headers with KEYS. */
    private static Request crafted(String algorithm, List<String> covered, Map<String, String> headers, byte[] body,
                                   String created, String expires) {
        String method = body == null ? "GET" : "POST";
        Function<String, String> values = name -> switch (name) {
            case "(created)" -> created;
            case "(expires)" -> expires;
            default -> lookup(headers).apply(name);
        };
        // (created) listed without the parameter: sign as if it were empty, the verifier must still refuse.
        Function<String, String> signable = name -> values.apply(name) == null ? "" : values.apply(name);
        byte[] signature = rsaSha256(HttpSignatures.signingString(covered, method, INBOX_PATH, signable),
                KEYS.getPrivate());
        SignatureHeader header = new SignatureHeader(KEY_ID, algorithm, covered, signature, created, expires);
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("Signature", header.format());
        return new Request(method, INBOX_PATH, signed, body);
    }

    private static byte[] rsaSha256(String text, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
