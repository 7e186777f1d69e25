package social.annals.gateway.api.admin.entity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import social.annals.gateway.render.entity.Account;

/**
 * An account in a report, as Pleroma 1.1 shows it: the Mastodon Account (without a viewer) with
 * the AdminAccount's fields after it. The fields both have ({@code id}, {@code avatar},
 * {@code display_name}) are the same and written once, where the Account has them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportedAccount(
        @JsonUnwrapped Account account,
        String nickname,
        boolean deactivated,
        boolean local,
        AdminAccount.Roles roles,
        List<String> tags) {

    public static ReportedAccount of(Account account, AdminAccount admin) {
        return new ReportedAccount(account, admin.nickname(), admin.deactivated(), admin.local(), admin.roles(),
                admin.tags());
    }
}
