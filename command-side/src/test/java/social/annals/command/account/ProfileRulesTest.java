package social.annals.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    private static AccountCommands.Register form(String nickname, String email, String name, String note) {
        return new AccountCommands.Register("id", nickname, email, name, "", note, "pw", "pw", false);
    }

    @Test
    void aValidFormHasNoErrors() {
        assertThat(ProfileRules.validateRegistration(form("lain", "lain@wired.jp", "Lain", ""), false)).isEmpty();
    }

    @Test
    void reservedNicknamesAreRefusedExactly() {
        assertThat(ProfileRules.validateRegistration(form("settings", "a@b.c", "x", ""), false))
                .containsEntry("nickname", List.of("is reserved"));
        assertThat(ProfileRules.validateRegistration(form("Settings", "a@b.c", "x", ""), false))
                .doesNotContainKey("nickname");
    }

    @Test
    void underscoresAndDashesNeedTheExtendedNicknameFormat() {
        assertThat(ProfileRules.validateRegistration(form("la_in", "a@b.c", "x", ""), false))
                .containsEntry("nickname", List.of("has invalid format"));
        assertThat(ProfileRules.validateRegistration(form("la_in", "a@b.c", "x", ""), true))
                .doesNotContainKey("nickname");
    }

    @Test
    void lengthLimitsUsePleromasMessage() {
        var errors = ProfileRules.validateRegistration(
                form("a".repeat(65), "a@b.c", "n".repeat(101), "b".repeat(1001)), false);
        assertThat(errors).containsEntry("nickname", List.of("should be at most 64 character(s)"))
                .containsEntry("name", List.of("should be at most 100 character(s)"))
                .containsEntry("bio", List.of("should be at most 1000 character(s)"));
    }

    @Test
    void missingFieldsAreBlank() {
        var errors = ProfileRules.validateRegistration(
                new AccountCommands.Register("id", null, null, null, null, null, null, null, false), false);
        assertThat(errors.keySet()).containsExactly("nickname", "email", "name", "password", "password_confirmation");
        assertThat(errors.values()).allSatisfy(messages -> assertThat(messages).containsExactly("can't be blank"));
    }
}
