package social.annals.gateway.api.account;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.report.ReportCommands;
import social.annals.events.ids.FlakeId;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.entity.Report;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/** {@code POST /api/v1/reports}: a user reports an account, and some of its statuses, to the moderators. */
@RestController
public class ReportsController {

    static final int MAX_COMMENT = 1000;

    private final Commands commands;
    private final Queries queries;
    private final FlakeIdGenerator ids;

    public ReportsController(Commands commands, Queries queries, FlakeIdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
    }

    /** {@code forward}: a copy goes to a remote account's server, from this instance (not the reporter). */
    @PostMapping("/api/v1/reports")
    @Auth(value = Auth.Level.REQUIRED, scope = "write:reports")
    public Report report(Params params, ApiPrincipal caller) {
        String accountId = params.string("account_id").filter(id -> !id.isBlank())
                .orElseThrow(() -> ApiException.error(HttpStatus.BAD_REQUEST, "Valid `account_id` required"));
        AccountView account = FlakeId.isWellFormed(accountId)
                ? queries.one(new AccountQueries.ById(accountId), AccountView.class) : null;
        if (account == null) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Account not found");
        }
        String comment = params.string("comment").orElse("");
        if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, "Comment must be up to " + MAX_COMMENT + " characters");
        }
        List<String> requested = params.strings("status_ids").stream().filter(FlakeId::isWellFormed).distinct()
                .toList();
        List<String> statusIds = queries.many(new StatusQueries.ByIds(requested), StatusView.class).stream()
                .filter(status -> status.reblogOfId() == null && status.authorId().equals(accountId))
                .map(StatusView::statusId).sorted().toList();
        String reportId = ids.next();
        commands.sendAndWait(new ReportCommands.File(reportId, caller.accountId(), accountId, statusIds,
                comment.isEmpty() ? null : comment, params.bool("forward").orElse(false)));
        return new Report(reportId, false);
    }
}
