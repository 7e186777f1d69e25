package social.annals.gateway.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureHeaderTest {

    private static final String KEY_ID = "https://remote.example/users/alice#main-key";
    private static final byte[] SIGNATURE = {1, 2, 3, 4, 5};
    private static final String SIGNATURE_BASE64 = "AQIDBAU=";

    @Test
    void parsesParametersInAnyOrderWithSpacesAfterCommasAndLowerCasesHeaderNames() {
        SignatureHeader mastodonOrder = SignatureHeader.parse("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date digest\",signature=\"" + SIGNATURE_BASE64 + "\"");
        SignatureHeader shuffled = SignatureHeader.parse("signature=\"" + SIGNATURE_BASE64 + "\", "
                + "headers=\"(request-target) Host DATE digest\",  keyId=\"" + KEY_ID + "\" , algorithm=\"rsa-sha256\"");

        assertThat(mastodonOrder.keyId()).isEqualTo(KEY_ID);
        assertThat(mastodonOrder.algorithm()).isEqualTo("rsa-sha256");
        assertThat(mastodonOrder.headers()).containsExactly("(request-target)", "host", "date", "digest");
        assertThat(mastodonOrder.signature()).isEqualTo(SIGNATURE);
        assertThat(shuffled).isEqualTo(mastodonOrder).hasSameHashCodeAs(mastodonOrder);
    }

    @Test
    void headersDefaultToDateAndAlgorithmMayBeAbsent() {
        SignatureHeader parsed = SignatureHeader.parse("keyId=\"k\",signature=\"" + SIGNATURE_BASE64 + "\"");

        assertThat(parsed.headers()).containsExactly("date");
        assertThat(parsed.algorithm()).isNull();
    }

    @Test
    void keepsCreatedAndExpiresAsSentAndIgnoresUnknownParameters() {
        SignatureHeader parsed = SignatureHeader.parse("keyId=\"k\",algorithm=\"hs2019\",created=1402170695, "
                + "expires=1402170699.5,headers=\"(request-target) (created) (expires) host\",nonce=\"x\","
                + "signature=\"" + SIGNATURE_BASE64 + "\"");

        assertThat(parsed.created()).isEqualTo("1402170695");
        assertThat(parsed.expires()).isEqualTo("1402170699.5");
        assertThat(parsed.headers()).containsExactly("(request-target)", "(created)", "(expires)", "host");
    }

    @Test
    void formatWritesWhatParseReads() {
        SignatureHeader header = new SignatureHeader(KEY_ID, "rsa-sha256", List.of("(request-target)", "host", "date"),
                SIGNATURE);
        SignatureHeader timed = new SignatureHeader(KEY_ID, null, List.of("(created)"), SIGNATURE, "1", "2.5");

        assertThat(header.format()).isEqualTo("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date\",signature=\"" + SIGNATURE_BASE64 + "\"");
        assertThat(SignatureHeader.parse(header.format())).isEqualTo(header);
        assertThat(timed.format()).isEqualTo("keyId=\"" + KEY_ID + "\",created=1,expires=2.5,headers=\"(created)\","
                + "signature=\"" + SIGNATURE_BASE64 + "\"");
        assertThat(SignatureHeader.parse(timed.format())).isEqualTo(timed);
    }

    @Test
    void isImmutable() {
        byte[] signature = SIGNATURE.clone();
        SignatureHeader header = new SignatureHeader("k", null, List.of("date"), signature);

        signature[0] = 9;
        header.signature()[1] = 9;

        assertThat(header.signature()).isEqualTo(SIGNATURE);
        assertThatThrownBy(() -> header.headers().add("host")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "keyId",
        "signature=\"AQIDBAU=\"",
        "keyId=\"\",signature=\"AQIDBAU=\"",
        "keyId=\"k\"",
        "keyId=\"k\",signature=\"\"",
        "keyId=\"k\",signature=\"not base64!\"",
        "keyId=\"k\",signature=\"AQIDBAU=",
        "keyId=\"k,signature=\"AQIDBAU=\"",
        "keyId=\"k\",keyId=\"j\",signature=\"AQIDBAU=\"",
        "keyId=\"k\" signature=\"AQIDBAU=\"",
        "keyId=\"k\",,signature=\"AQIDBAU=\"",
        "keyId=\"k\",algorithm=,signature=\"AQIDBAU=\"",
        "keyId=\"k\",headers=\"\",signature=\"AQIDBAU=\"",
        "keyId=\"k\",headers=\"host, date\",signature=\"AQIDBAU=\"",
        "keyId=\"k\",created=yesterday,signature=\"AQIDBAU=\"",
    })
    void malformedValuesAreIllegalArguments(String value) {
        assertThatThrownBy(() -> SignatureHeader.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> SignatureHeader.parse(null)).hasMessageContaining("no signature header");
        assertThatThrownBy(() -> SignatureHeader.parse("signature=\"AQIDBAU=\"")).hasMessageContaining("keyId");
        assertThatThrownBy(() -> SignatureHeader.parse("keyId=\"k\",signature=\"AQIDBAU="))
                .hasMessageContaining("unterminated quote in signature");
        assertThatThrownBy(() -> SignatureHeader.parse("keyId=\"k\",signature=\"%%%\""))
                .hasMessageContaining("not base64");
    }
}
