package social.annals.command.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules of a local account, with Pleroma's messages and field names. */
final class ProfileRules {

    public static final int MAX_NICKNAME = 64;
    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_NOTE_HTML = 1000;
    public static final int MAX_PASSWORD = 1024;

    static final Set<String> RESERVED_NICKNAMES = Set.of(".well-known", "~", "about", "activities", "api", "auth",
            "dev", "friend-requests", "inbox", "internal", "main", "media", "nodeinfo", "notice", "oauth", "objects",
            "ostatus_subscribe", "pleroma", "proxy", "push", "registration", "relay", "settings", "status", "tag",
            "user-search", "users", "web");
    private static final Pattern NICKNAME = Pattern.compile("^[a-zA-Z0-9]+$");
    private static final Pattern EXTENDED_NICKNAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

    private ProfileRules() {
    }

    /** Every failing field of a registration, in a stable order; empty when all pass. */
    public static Map<String, List<String>> validateRegistration(AccountCommands.Register c,
                                                                 boolean extendedNicknames) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (isBlank(c.nickname())) {
            add(errors, "nickname", "can't be blank");
        } else {
            if (!(extendedNicknames ? EXTENDED_NICKNAME : NICKNAME).matcher(c.nickname()).matches()) {
                add(errors, "nickname", "has invalid format");
            }
            if (c.nickname().length() > MAX_NICKNAME) {
                add(errors, "nickname", atMost(MAX_NICKNAME));
            }
            if (RESERVED_NICKNAMES.contains(c.nickname())) {
                add(errors, "nickname", "is reserved");
            }
        }
        if (isBlank(c.email())) {
            add(errors, "email", "can't be blank");
        } else if (c.email().length() > 254 || !EMAIL.matcher(c.email()).matches()) {
            add(errors, "email", "has invalid format");
        }
        String displayNameError = displayNameError(c.displayName());
        if (displayNameError != null) {
            add(errors, "name", displayNameError);
        }
        if (c.noteHtml() != null && c.noteHtml().length() > MAX_NOTE_HTML) {
            add(errors, "bio", atMost(MAX_NOTE_HTML));
        }
        if (c.password() == null || c.password().isEmpty()) {
            add(errors, "password", "can't be blank");
        } else if (c.password().length() > MAX_PASSWORD) {
            add(errors, "password", atMost(MAX_PASSWORD));
        }
        if (c.passwordConfirmation() == null || c.passwordConfirmation().isEmpty()) {
            add(errors, "password_confirmation", "can't be blank");
        } else if (!c.passwordConfirmation().equals(c.password())) {
            add(errors, "password_confirmation", "does not match confirmation");
        }
        return errors;
    }

    static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    static String displayNameError(String displayName) {
        if (isBlank(displayName)) {
            return "can't be blank";
        }
        if (displayName.codePointCount(0, displayName.length()) > MAX_DISPLAY_NAME) {
            return atMost(MAX_DISPLAY_NAME);
        }
        return null;
    }

    static String atMost(int count) {
        return "should be at most " + count + " character(s)";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
