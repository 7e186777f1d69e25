package social.annals.gateway.api.admin;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.report.ReportCommands;
import social.annals.command.status.StatusCommands;
import social.annals.events.ids.FlakeId;
import social.annals.events.moderation.Moderator;
import social.annals.events.report.ReportState;
import social.annals.events.status.Visibility;
import social.annals.gateway.api.Queries;
import social.annals.gateway.api.admin.entity.AdminReport;
import social.annals.gateway.api.admin.entity.AdminReports;
import social.annals.gateway.api.admin.entity.ReportedAccount;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.AccountRenderer;
import social.annals.gateway.render.Dates;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.TextFormatter;
import social.annals.gateway.render.entity.Status;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;
import social.annals.query.report.ReportQueries;
import social.annals.query.status.StatusQueries;
import social.annals.query.status.StatusView;

/** Reports in the admin API: list, show, change state, and answer the reporter. */
@RestController
public class AdminReportsController {

    private final Commands commands;
    private final Queries queries;
    private final Moderators moderators;
    private final AccountRenderer accounts;
    private final AdminAccountRenderer adminAccounts;
    private final StatusRenderer statuses;
    private final TextFormatter formatter;
    private final FlakeIdGenerator ids;

    public AdminReportsController(Commands commands, Queries queries, Moderators moderators,
                                  AccountRenderer accounts, AdminAccountRenderer adminAccounts,
                                  StatusRenderer statuses, TextFormatter formatter, FlakeIdGenerator ids) {
        this.commands = commands;
        this.queries = queries;
        this.moderators = moderators;
        this.accounts = accounts;
        this.adminAccounts = adminAccounts;
        this.statuses = statuses;
        this.formatter = formatter;
        this.ids = ids;
    }

    /** A {@code state} that is no state matches nothing, as in Pleroma. */
    @GetMapping("/api/pleroma/admin/reports")
    @Auth(Auth.Level.ADMIN)
    public AdminReports list(Params params) {
        String state = params.stringOrNull("state");
        if (state != null && ReportState.fromApiName(state).isEmpty()) {
            return new AdminReports(List.of());
        }
        Pagination page = Pagination.from(params);
        List<ReportQueries.Report> found = queries.many(new ReportQueries.Listed(state, page.maxId(), page.sinceId(),
                page.minId(), page.limit()), ReportQueries.Report.class);
        return new AdminReports(found.stream().map(this::render).toList());
    }

    @GetMapping("/api/pleroma/admin/reports/{id}")
    @Auth(Auth.Level.ADMIN)
    public AdminReport show(@PathVariable String id) {
        return render(report(id));
    }

    @PutMapping("/api/pleroma/admin/reports/{id}")
    @Auth(Auth.Level.ADMIN)
    public AdminReport changeState(@PathVariable String id, Params params, ApiPrincipal caller) {
        ReportState state = ReportState.fromApiName(params.string("state").orElse(""))
                .orElseThrow(() -> ApiException.bare(HttpStatus.BAD_REQUEST, "Unsupported state"));
        report(id);
        commands.sendAndWait(new ReportCommands.ChangeState(id, state, moderators.of(caller)));
        return render(report(id));
    }

    /**
     * Answers the reporter with a direct status from the acting admin, addressed to the reporter
     * and to anyone else the text mentions. The admin token has no account to post from.
     */
    @PostMapping("/api/pleroma/admin/reports/{id}/respond")
    @Auth(Auth.Level.ADMIN)
    public Status respond(@PathVariable String id, Params params, ApiPrincipal caller) {
        String text = params.string("status").filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters"));
        ReportQueries.Report report = report(id);
        if (!caller.isUser()) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Responding needs an admin account");
        }
        Moderator by = moderators.of(caller);
        TextFormatter.Formatted formatted = formatter.format(text.trim());
        List<String> mentioned = new ArrayList<>();
        mentioned.add(report.reporterId());
        formatted.mentioned().stream().map(AccountView::accountId).filter(m -> !mentioned.contains(m))
                .forEach(mentioned::add);
        String statusId = ids.next();
        // The answer and its record commit together.
        commands.inOneTransaction(inTransaction -> {
            inTransaction.sendAndWait(new StatusCommands.Post(statusId, caller.accountId(), text, formatted.html(), "",
                    Visibility.DIRECT, false, null, null, null, mentioned, formatted.tags(), List.of(), List.of(), null,
                    null));
            inTransaction.sendAndWait(new ReportCommands.RecordResponse(id, statusId, text, by));
        });
        StatusView status = queries.one(new StatusQueries.ById(statusId, caller.accountId()), StatusView.class);
        return statuses.render(status, caller);
    }

    private ReportQueries.Report report(String id) {
        ReportQueries.Report report = FlakeId.isWellFormed(id)
                ? queries.one(new ReportQueries.ById(id), ReportQueries.Report.class) : null;
        if (report == null) {
            throw ApiException.bare(HttpStatus.NOT_FOUND, "Not found");
        }
        return report;
    }

    private AdminReport render(ReportQueries.Report report) {
        // Deleted statuses drop out; the others are shown whatever their visibility.
        List<StatusView> reported = queries.many(new StatusQueries.ByIds(report.statusIds()), StatusView.class)
                .stream().map(view -> queries.one(new StatusQueries.ById(view.statusId(), view.authorId()),
                        StatusView.class)).filter(java.util.Objects::nonNull).toList();
        return new AdminReport(report.reportId(), report.state(),
                report.comment() == null ? null : HtmlUtils.htmlEscape(report.comment()),
                Dates.mastodon(report.createdAt()), account(report.accountId()), account(report.reporterId()),
                statuses.renderAll(reported, null));
    }

    /** The Mastodon account with the admin view's fields; null (written {@code {}}) for an account that is gone. */
    private ReportedAccount account(String accountId) {
        AccountView account = queries.one(new AccountQueries.ById(accountId), AccountView.class);
        if (account == null) {
            return null;
        }
        return ReportedAccount.of(accounts.render(account, null), adminAccounts.render(account));
    }
}
