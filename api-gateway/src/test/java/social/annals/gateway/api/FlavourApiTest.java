package social.annals.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

class FlavourApiTest extends ApiTest {

    @Test
    void aFreshAccountHasGlitchAndAChoiceIsKeptPerAccount() {
        User chooser = user("flavour");
        User other = user("flavourless");
        Http.Response initial = http.get("/api/v1/pleroma/flavour", "Authorization", chooser.bearer());
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.body()).isEqualTo("\"glitch\"");
        assertThat(initial.header("content-type")).startsWith("application/json");

        for (int attempt = 0; attempt < 2; attempt++) {
            Http.Response chosen = act(chooser, "/api/v1/pleroma/flavour/vanilla");
            assertThat(chosen.body()).isEqualTo("\"vanilla\"");
        }
        assertThat(http.get("/api/v1/pleroma/flavour", "Authorization", chooser.bearer()).body())
                .isEqualTo("\"vanilla\"");
        assertThat(http.get("/api/v1/pleroma/flavour", "Authorization", other.bearer()).body())
                .isEqualTo("\"glitch\"");
    }

    @Test
    void anUnsupportedFlavourIsA400AndChangesNothing() {
        User chooser = user("flavourbad");
        Http.Response refused = http.postJson("/api/v1/pleroma/flavour/pleroma", "", "Authorization", chooser.bearer());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("Unsupported flavour");
        assertThat(http.get("/api/v1/pleroma/flavour", "Authorization", chooser.bearer()).body())
                .isEqualTo("\"glitch\"");
    }

    @Test
    void flavourNeedsAnAccount() {
        assertThat(http.get("/api/v1/pleroma/flavour").status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/pleroma/flavour/vanilla", "").status()).isEqualTo(403);
    }
}
