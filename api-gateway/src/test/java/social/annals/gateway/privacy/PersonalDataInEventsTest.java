package social.annals.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.events.account.AccountRegistered;
import social.annals.gateway.support.ApiTest;
import social.annals.gateway.support.Http;

/** Personal data is only ever stored encrypted, and destroying the key erases it from every read. */
class PersonalDataInEventsTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void emailNamesAndBioNeverReachTheEventTableReadably() {
        String nickname = unique("secretive");
        String phrase = "unique-phrase-" + nickname;
        Http.Response response = http.postForm("/api/account/register", List.of("nickname", nickname,
                "email", nickname + "@private.example", "fullname", "Name " + phrase, "bio", "bio " + phrase,
                "password", PASSWORD, "confirm", PASSWORD));
        assertThat(response.status()).isEqualTo(200);

        Integer readable = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE "
                        + "position(? in convert_from(payload, 'UTF8')) > 0 OR position(? in convert_from(payload, 'UTF8')) > 0",
                Integer.class, nickname + "@private.example", phrase);
        assertThat(readable).isZero();
        Integer passwords = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE "
                + "position(? in convert_from(payload, 'UTF8')) > 0", Integer.class, PASSWORD);
        assertThat(passwords).isZero();
        // The nickname is public, so the event is there.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE "
                + "position(? in convert_from(payload, 'UTF8')) > 0", Integer.class, nickname)).isEqualTo(1);
    }

    @Test
    void eventsDecryptWhileTheKeyLivesAndReadAsErasedOnceItIsDestroyed() {
        String nickname = unique("shredded");
        String id = register(nickname);

        AccountRegistered readable = registeredEvent(id);
        assertThat(readable.email()).isEqualTo(nickname + "@example.org");
        assertThat(readable.displayName()).isEqualTo(nickname + " full");

        keys.destroy(id);

        AccountRegistered erased = registeredEvent(id);
        assertThat(erased.email()).isNull();
        assertThat(erased.displayName()).isNull();
        assertThat(erased.bio()).isNull();
        assertThat(erased.nickname()).isEqualTo(nickname);
        assertThat(erased.passwordHash()).isNotBlank();
    }

    @Test
    void aSubjectErasedOnceStaysErasedAndWhatIsWrittenAboutItLaterIsStoredErased() {
        String subject = unique("gone");
        String before = cipher.encrypt(subject, "said before");
        keys.destroy(subject);

        String after = cipher.encrypt(subject, "said after");
        assertThat(after).doesNotContain("said after");
        assertThat(keys.keyFor(subject)).isEmpty();
        assertThat(cipher.decrypt(subject, before)).isEmpty();
        assertThat(cipher.decrypt(subject, after)).isEmpty();
    }

    private AccountRegistered registeredEvent(String accountId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(accountId).asStream().toList();
        return (AccountRegistered) events.get(0).getPayload();
    }
}
