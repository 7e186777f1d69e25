package social.annals.command.account;

import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An account's list of blocked domains. Repeating either command changes nothing. */
public final class DomainBlockCommands {

    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private DomainBlockCommands() {
    }

    /** The domain as stored: trimmed and lower case. */
    public static String normalise(String domain) {
        return domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String normalised) {
        return DOMAIN.matcher(normalised).matches();
    }

    public record Block(@TargetAggregateIdentifier String accountId, String domain) {
    }

    public record Unblock(@TargetAggregateIdentifier String accountId, String domain) {
    }
}
