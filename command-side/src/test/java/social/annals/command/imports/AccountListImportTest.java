package social.annals.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import social.annals.command.account.AccountLookup;
import social.annals.events.imports.AccountListImportBatchProcessed;
import social.annals.events.imports.AccountListImportStarted;
import social.annals.events.imports.ImportEntryResult;
import social.annals.events.imports.ImportKind;

class AccountListImportTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final AccountListImportStarted STARTED = new AccountListImportStarted("imp", "acc",
            ImportKind.FOLLOW, List.of("a", "b", "c"), "digest", NOW);

    private AggregateTestFixture<AccountListImport> fixture() {
        AggregateTestFixture<AccountListImport> fixture = new AggregateTestFixture<>(AccountListImport.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }

    @Test
    void aBatchIsRecordedAndTheLastOneCompletesTheImport() {
        fixture().given(STARTED)
                .when(new ImportCommands.RecordBatch("imp", 0, List.of(ImportEntryResult.DONE, ImportEntryResult.ALREADY)))
                .expectEvents(new AccountListImportBatchProcessed("imp", "acc", 0,
                        List.of(ImportEntryResult.DONE, ImportEntryResult.ALREADY), false, NOW));
        fixture().given(STARTED, new AccountListImportBatchProcessed("imp", "acc", 0,
                        List.of(ImportEntryResult.DONE, ImportEntryResult.ALREADY), false, NOW))
                .when(new ImportCommands.RecordBatch("imp", 2, List.of(ImportEntryResult.NOT_FOUND)))
                .expectEvents(new AccountListImportBatchProcessed("imp", "acc", 2,
                        List.of(ImportEntryResult.NOT_FOUND), true, NOW));
    }

    @Test
    void aBatchRecordedBeforeIsIgnoredWhenItComesAgain() {
        fixture().given(STARTED, new AccountListImportBatchProcessed("imp", "acc", 0,
                        List.of(ImportEntryResult.DONE, ImportEntryResult.ALREADY), false, NOW))
                .when(new ImportCommands.RecordBatch("imp", 0, List.of(ImportEntryResult.DONE, ImportEntryResult.DONE)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theListIsParsedLikeMastodonExportsAndPlainLists() {
        assertThat(ImportList.parse("\uFEFFAccount address,Show boosts\r\nalice@host,true\n@bob  carol\n\nALICE@host"))
                .containsExactly("alice@host", "bob", "carol");
        assertThat(ImportList.parse(null)).isEmpty();
    }

    @Test
    void entriesNameLocalAccountsByNicknameAddressOrProfileUrlAndOthersAsRemote() {
        ImportProcess process = new ImportProcess(null, new ImportProgress(mock(JdbcTemplate.class)),
                new AccountLookup(mock(JdbcTemplate.class)), null, "https://annals.example");
        assertThat(process.resolve("lain").nickname()).isEqualTo("lain");
        assertThat(process.resolve("lain@annals.example").nickname()).isEqualTo("lain");
        assertThat(process.resolve("https://annals.example/users/lain").nickname()).isEqualTo("lain");
        assertThat(process.resolve("https://annals.example/@lain").nickname()).isEqualTo("lain");
        assertThat(process.resolve("lain@elsewhere.example").remote()).isTrue();
        assertThat(process.resolve("https://elsewhere.example/users/lain").remote()).isTrue();
        assertThat(process.resolve("la in@elsewhere.example").failure()).isEqualTo(ImportEntryResult.INVALID);
        assertThat(process.resolve("<script>").failure()).isEqualTo(ImportEntryResult.INVALID);
        assertThat(process.resolve("a@b@c").failure()).isEqualTo(ImportEntryResult.INVALID);
        assertThat(process.resolve("https://annals.example/notice/1").failure()).isEqualTo(ImportEntryResult.INVALID);
    }

    @Test
    void thisServersAddressNamesItWithOrWithoutItsPort() {
        ImportProcess process = new ImportProcess(null, new ImportProgress(mock(JdbcTemplate.class)),
                new AccountLookup(mock(JdbcTemplate.class)), null, "http://localhost:4000");
        assertThat(process.resolve("lain@localhost:4000").nickname()).isEqualTo("lain");
        assertThat(process.resolve("lain@LOCALHOST").nickname()).isEqualTo("lain");
        assertThat(process.resolve("http://localhost:4000/users/lain").nickname()).isEqualTo("lain");
        assertThat(process.resolve("http://localhost/@lain").nickname()).isEqualTo("lain");
        assertThat(process.resolve("lain@localhost:4001").remote()).isTrue();
        assertThat(process.resolve("lain@otherhost").remote()).isTrue();
    }
}
