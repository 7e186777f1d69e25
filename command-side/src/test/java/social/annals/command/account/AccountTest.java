package social.annals.command.account;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import social.annals.command.secrets.Digests;
import social.annals.events.account.AccountDeleted;
import social.annals.events.account.AccountDeletionProgressed;
import social.annals.events.account.AccountDeletionProgressed.Phase;
import social.annals.events.account.AccountDeletionStarted;
import social.annals.events.account.AccountRegistered;
import social.annals.events.account.AccountRole;
import social.annals.events.account.AccountActivated;
import social.annals.events.account.AccountDeactivated;
import social.annals.events.account.AccountRoleGranted;
import social.annals.events.account.AccountRoleRevoked;
import social.annals.events.account.PasswordChanged;
import social.annals.events.account.PasswordResetTokenIssued;
import social.annals.events.account.PasswordResetTokenUsed;
import social.annals.events.moderation.Moderator;
import social.annals.events.account.FlavourChanged;
import social.annals.events.account.ProfileUpdated;
import social.annals.events.account.SigningKeyGenerated;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final String ID = "BCqngMV29Z8RzUiGjw";

    private final AccountLookup lookup = mock(AccountLookup.class);
    private final Digests digests = mock(Digests.class);
    private final PasswordHasher hasher = new PasswordHasher(4);
    private static final SigningKeyPairs.Pem KEYS = new SigningKeyPairs.Pem("public-pem", "private-pem");
    private final SigningKeyPairs keyPairs = new SigningKeyPairs(1024) {
        @Override
        public Pem generate() {
            return KEYS;
        }
    };
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(hasher);
        fixture.registerInjectableResource(digests);
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(keyPairs);
        when(digests.email(anyString())).thenAnswer(call -> "digest-of-" + call.getArgument(0, String.class));
        fixture.registerAnnotatedCommandHandler(
                new AccountRegistration(fixture.getRepository(), lookup, hasher, digests, keyPairs, false));
    }

    private static AccountCommands.Register lain() {
        return new AccountCommands.Register(ID, "lain", "lain@wired.jp", "lain iwakura", "close the world.",
                "close the world.", "bear", "bear", false);
    }

    private static AccountRegistered registered() {
        return new AccountRegistered(ID, "lain", "lain@wired.jp", "digest-of-lain@wired.jp", "lain iwakura",
                "close the world.", "close the world.", "$2a$04$hash", false, NOW);
    }

    @Test
    void registeringStoresAPasswordHashNeverThePassword() {
        fixture.givenNoPriorActivity()
                .when(lain())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(new TypeSafeMatcher<>() {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        return item instanceof AccountRegistered event && event.nickname().equals("lain")
                                && event.emailDigest().equals("digest-of-lain@wired.jp")
                                && !event.passwordHash().contains("bear") && hasher.matches("bear", event.passwordHash())
                                && event.registeredAt().equals(NOW);
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("AccountRegistered with a bcrypt hash of the password");
                    }
                }), Matchers.messageWithPayload(Matchers.equalTo(
                        new SigningKeyGenerated(ID, KEYS.publicKey(), KEYS.privateKey(), NOW))), Matchers.andNoMore()));
    }

    @Test
    void anAccountRegisteredBeforeFederationGetsOneSigningKey() {
        fixture.given(registered())
                .when(new AccountCommands.EnsureSigningKey(ID))
                .expectEvents(new SigningKeyGenerated(ID, KEYS.publicKey(), KEYS.privateKey(), NOW));
    }

    @Test
    void anAccountWithASigningKeyKeepsIt() {
        fixture.given(registered(), new SigningKeyGenerated(ID, "old-public", "old-private", NOW))
                .when(new AccountCommands.EnsureSigningKey(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeletedAccountGetsNoSigningKey() {
        fixture.given(registered(), new AccountDeletionStarted(ID, "lain", null, NOW))
                .when(new AccountCommands.EnsureSigningKey(ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aTakenNicknameIsRefusedWithPleromasMessage() {
        when(lookup.nicknameTaken("lain")).thenReturn(true);
        fixture.givenNoPriorActivity()
                .when(lain())
                .expectNoEvents()
                .expectException(RegistrationRejected.class)
                .expectException(Matchers.predicate(e -> ((RegistrationRejected) e).fieldErrors()
                        .equals(Map.of("nickname", List.of("has already been taken")))));
    }

    @Test
    void aTakenEmailIsRefused() {
        when(lookup.emailTaken("digest-of-lain@wired.jp")).thenReturn(true);
        fixture.givenNoPriorActivity()
                .when(lain())
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof RegistrationRejected r
                        && r.fieldErrors().equals(Map.of("email", List.of("has already been taken")))));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new AccountCommands.Register(ID, "lain!", "not-an-email", "", null, "", "bear", "beer", false))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof RegistrationRejected r
                        && r.fieldErrors().equals(Map.of(
                                "nickname", List.of("has invalid format"),
                                "email", List.of("has invalid format"),
                                "name", List.of("can't be blank"),
                                "password_confirmation", List.of("does not match confirmation")))));
    }

    @Test
    void updatingTheProfileRecordsTheWholeNewProfile() {
        fixture.given(registered())
                .when(new AccountCommands.UpdateProfile(ID, "Lain", null, null, true, false))
                .expectEvents(new ProfileUpdated(ID, "Lain", "close the world.", "close the world.", true, false, NOW));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(registered())
                .when(new AccountCommands.UpdateProfile(ID, "lain iwakura", null, null, false, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBlankDisplayNameIsRefused() {
        fixture.given(registered())
                .when(new AccountCommands.UpdateProfile(ID, "  ", null, null, null, null))
                .expectNoEvents()
                .expectException(ProfileRejected.class);
    }

    @Test
    void anOverlongNoteIsRefused() {
        fixture.given(registered())
                .when(new AccountCommands.UpdateProfile(ID, null, "x", "x".repeat(1001), null, null))
                .expectNoEvents()
                .expectException(ProfileRejected.class);
    }

    @Test
    void aNewPasswordIsRecordedAsAHash() {
        fixture.given(registered())
                .when(new AccountCommands.ChangePassword(ID, "new secret"))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(
                        Matchers.predicate(event -> event instanceof social.annals.events.account.PasswordChanged changed
                                && hasher.matches("new secret", changed.passwordHash())
                                && !changed.passwordHash().contains("new secret"))),
                        Matchers.andNoMore()));
    }

    @Test
    void aNewEmailIsRecordedWithItsDigestUnlessTakenOrMalformed() {
        fixture.given(registered())
                .when(new AccountCommands.ChangeEmail(ID, " lain@navi.net "))
                .expectEvents(new social.annals.events.account.EmailChanged(ID, "lain@navi.net",
                        "digest-of-lain@navi.net", NOW));
        fixture.given(registered())
                .when(new AccountCommands.ChangeEmail(ID, "not an address"))
                .expectNoEvents()
                .expectExceptionMessage("Email has invalid format.");
        when(lookup.emailTaken("digest-of-taken@navi.net")).thenReturn(true);
        fixture.given(registered())
                .when(new AccountCommands.ChangeEmail(ID, "taken@navi.net"))
                .expectNoEvents()
                .expectExceptionMessage("Email has already been taken.");
    }

    @Test
    void grantingARoleOnceRecordsIt() {
        fixture.given(registered())
                .when(new ModerationCommands.GrantRole(ID, AccountRole.ADMIN, "command-line"))
                .expectEvents(new AccountRoleGranted(ID, "lain", AccountRole.ADMIN, "command-line", NOW));
    }

    @Test
    void grantingAHeldRoleAgainIsRecordedAgainSoTheModerationLogShowsEveryGrant() {
        fixture.given(registered(), new AccountRoleGranted(ID, "lain", AccountRole.ADMIN, "command-line", NOW))
                .when(new ModerationCommands.GrantRole(ID, AccountRole.ADMIN, "someone"))
                .expectEvents(new AccountRoleGranted(ID, "lain", AccountRole.ADMIN, "someone", NOW));
    }

    @Test
    void revokingRecordsEachRevocationAndActivationFollowsTheRequestedState() {
        fixture.given(registered(), new AccountRoleGranted(ID, "lain", AccountRole.ADMIN, "command-line", NOW))
                .when(new ModerationCommands.RevokeRole(ID, AccountRole.ADMIN, "root"))
                .expectEvents(new AccountRoleRevoked(ID, "lain", AccountRole.ADMIN, "root", NOW));
        Moderator root = new Moderator("R", "root");
        fixture.given(registered())
                .when(new ModerationCommands.SetActivation(ID, false, root))
                .expectEvents(new AccountDeactivated(ID, "lain", root, NOW));
        fixture.given(registered(), new AccountDeactivated(ID, "lain", root, NOW))
                .when(new ModerationCommands.SetActivation(ID, false, root))
                .expectEvents(new AccountDeactivated(ID, "lain", root, NOW));
        fixture.given(registered(), new AccountDeactivated(ID, "lain", root, NOW))
                .when(new ModerationCommands.ToggleActivation(ID, root))
                .expectEvents(new AccountActivated(ID, "lain", root, NOW));
    }

    @Test
    void aDeletedAccountCannotBeActivatedAgain() {
        Moderator root = new Moderator("R", "root");
        fixture.given(registered(), new AccountDeletionStarted(ID, "lain", ID, NOW))
                .when(new ModerationCommands.SetActivation(ID, true, root))
                .expectNoEvents()
                .expectException(ModerationRefused.class);
    }

    @Test
    void notificationSettingsMergeOverTheCurrentOnesAndRecordOnlyChanges() {
        fixture.given(registered())
                .when(new AccountCommands.UpdateNotificationSettings(ID, false, null, false, null))
                .expectEvents(new social.annals.events.account.NotificationSettingsChanged(ID, false, true, false,
                        true, NOW));
        fixture.given(registered(),
                        new social.annals.events.account.NotificationSettingsChanged(ID, false, true, false, true, NOW))
                .when(new AccountCommands.UpdateNotificationSettings(ID, null, false, null, null))
                .expectEvents(new social.annals.events.account.NotificationSettingsChanged(ID, false, false, false,
                        true, NOW));
        fixture.given(registered())
                .when(new AccountCommands.UpdateNotificationSettings(ID, true, true, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDomainIsBlockedOnceAndUnblockedOnlyWhenBlocked() {
        fixture.given(registered())
                .when(new DomainBlockCommands.Block(ID, " Example.ORG"))
                .expectEvents(new social.annals.events.social.DomainBlocked(ID, "example.org", NOW));
        fixture.given(registered(), new social.annals.events.social.DomainBlocked(ID, "example.org", NOW))
                .when(new DomainBlockCommands.Block(ID, "example.org"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(registered(), new social.annals.events.social.DomainBlocked(ID, "example.org", NOW))
                .when(new DomainBlockCommands.Unblock(ID, "EXAMPLE.org"))
                .expectEvents(new social.annals.events.social.DomainUnblocked(ID, "example.org", NOW));
        fixture.given(registered())
                .when(new DomainBlockCommands.Unblock(ID, "example.org"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void choosingAFlavourRecordsItOnceAndTheDefaultIsGlitch() {
        fixture.given(registered())
                .when(new AccountCommands.ChangeFlavour(ID, "vanilla"))
                .expectEvents(new FlavourChanged(ID, "vanilla", NOW));
        fixture.given(registered(), new FlavourChanged(ID, "vanilla", NOW))
                .when(new AccountCommands.ChangeFlavour(ID, "vanilla"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AccountCommands.ChangeFlavour(ID, "glitch"))
                .expectNoEvents();
    }

    @Test
    void anUnknownFlavourIsRefused() {
        fixture.given(registered())
                .when(new AccountCommands.ChangeFlavour(ID, "pleroma"))
                .expectNoEvents()
                .expectException(FlavourRejected.class);
    }

    @Test
    void deletionStartsOnceAndDeactivatesUntilItCompletes() {
        fixture.given(registered())
                .when(new AccountDeletionCommands.Delete(ID, ID))
                .expectEvents(new AccountDeletionStarted(ID, "lain", ID, NOW));
        fixture.given(registered(), new AccountDeletionStarted(ID, "lain", ID, NOW))
                .when(new AccountDeletionCommands.Delete(ID, "admin"))
                .expectNoEvents();
        fixture.given(registered(), new AccountDeletionStarted(ID, "lain", ID, NOW),
                        new AccountDeleted(ID, "lain", 0, 0, NOW))
                .when(new AccountDeletionCommands.Delete(ID, ID))
                .expectNoEvents();
    }

    @Test
    void progressIsRecordedInOrderAndABatchRedoneAfterACrashIsNot() {
        var started = new AccountDeletionStarted(ID, "lain", ID, NOW);
        var severed = new AccountDeletionProgressed(ID, Phase.RELATIONSHIPS, "B2", 2, 0, 5, NOW);
        fixture.given(registered(), started)
                .when(new AccountDeletionCommands.RecordProgress(ID, Phase.RELATIONSHIPS, "B2", 2, 0, 5))
                .expectEvents(severed);
        fixture.given(registered(), started, severed)
                .when(new AccountDeletionCommands.RecordProgress(ID, Phase.RELATIONSHIPS, "B2", 2, 0, 5))
                .expectNoEvents();
        fixture.given(registered(), started, severed,
                        new AccountDeletionProgressed(ID, Phase.STATUSES, "S1", 2, 1, 4, NOW))
                .when(new AccountDeletionCommands.RecordProgress(ID, Phase.RELATIONSHIPS, "B9", 3, 0, 4))
                .expectNoEvents();
        fixture.given(registered(), started, severed)
                .when(new AccountDeletionCommands.RecordProgress(ID, Phase.STATUSES, "S1", 2, 1, 4))
                .expectEvents(new AccountDeletionProgressed(ID, Phase.STATUSES, "S1", 2, 1, 4, NOW));
    }

    @Test
    void completingRecordsTheTotalsOnceAndProgressWithoutADeletionIsIgnored() {
        var started = new AccountDeletionStarted(ID, "lain", ID, NOW);
        var last = new AccountDeletionProgressed(ID, Phase.STATUSES, "S9", 3, 7, 0, NOW);
        fixture.given(registered(), started, last)
                .when(new AccountDeletionCommands.Complete(ID))
                .expectEvents(new AccountDeleted(ID, "lain", 3, 7, NOW));
        fixture.given(registered(), started, last, new AccountDeleted(ID, "lain", 3, 7, NOW))
                .when(new AccountDeletionCommands.Complete(ID))
                .expectNoEvents();
        fixture.given(registered())
                .when(new AccountDeletionCommands.RecordProgress(ID, Phase.STATUSES, "S1", 0, 1, 0))
                .expectNoEvents();
    }

    @Test
    void aResetTokenSetsANewPasswordOnce() {
        var issued = new PasswordResetTokenIssued(ID, "digest", "root", NOW);
        fixture.given(registered())
                .when(new PasswordResetCommands.Issue(ID, "digest", "root"))
                .expectEvents(issued);
        fixture.given(registered(), issued)
                .when(new PasswordResetCommands.Reset(ID, "digest", "new password"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.predicate((List<?> payloads) ->
                        payloads.size() == 2 && payloads.get(0).equals(new PasswordResetTokenUsed(ID, "digest", NOW))
                                && payloads.get(1) instanceof PasswordChanged changed
                                && hasher.matches("new password", changed.passwordHash()))));
        fixture.given(registered(), issued, new PasswordResetTokenUsed(ID, "digest", NOW))
                .when(new PasswordResetCommands.Reset(ID, "digest", "again"))
                .expectNoEvents()
                .expectException(PasswordResetRefused.class);
        fixture.given(registered())
                .when(new PasswordResetCommands.Reset(ID, "other", "new"))
                .expectException(PasswordResetRefused.class);
    }
}
