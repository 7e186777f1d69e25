package social.annals.gateway.api.social;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.imports.ImportAlreadyRunning;
import social.annals.command.imports.ImportCommands;
import social.annals.events.ids.FlakeId;
import social.annals.events.imports.ImportKind;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.Dates;
import social.annals.gateway.render.Urls;
import social.annals.gateway.render.entity.ImportJob;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiErrorHandler;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.imports.ImportView;
import social.annals.query.social.RelationshipQueries.AccountList;
import social.annals.query.social.RelationshipQueries;

/**
 * Follow, block and mute imports (answering Pleroma's {@code "job started"}, with the job's
 * address in {@code Location}), their progress, and the matching CSV exports.
 */
@RestController
public class ImportsController {

    private static final String JOB_STARTED = "\"job started\"";

    private final Commands commands;
    private final Queries queries;
    private final FlakeIdGenerator ids;
    private final Urls urls;

    public ImportsController(Commands commands, Queries queries, FlakeIdGenerator ids, Urls urls) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.urls = urls;
    }

    @PostMapping("/api/pleroma/follow_import")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:follows"})
    public ResponseEntity<String> followImport(Params params, ApiPrincipal caller) {
        return start(ImportKind.FOLLOW, "follow_import", params, caller);
    }

    @PostMapping("/api/pleroma/blocks_import")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:blocks"})
    public ResponseEntity<String> blocksImport(Params params, ApiPrincipal caller) {
        return start(ImportKind.BLOCK, "blocks_import", params, caller);
    }

    @PostMapping("/api/pleroma/mutes_import")
    @Auth(value = Auth.Level.REQUIRED, scope = {"follow", "write:mutes"})
    public ResponseEntity<String> mutesImport(Params params, ApiPrincipal caller) {
        return start(ImportKind.MUTE, "mutes_import", params, caller);
    }

    @GetMapping("/api/pleroma/follow_import")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:follows")
    public List<ImportJob> followJobs(ApiPrincipal caller) {
        return jobs(ImportKind.FOLLOW, caller);
    }

    @GetMapping("/api/pleroma/blocks_import")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:blocks")
    public List<ImportJob> blockJobs(ApiPrincipal caller) {
        return jobs(ImportKind.BLOCK, caller);
    }

    @GetMapping("/api/pleroma/mutes_import")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:mutes")
    public List<ImportJob> muteJobs(ApiPrincipal caller) {
        return jobs(ImportKind.MUTE, caller);
    }

    private List<ImportJob> jobs(ImportKind kind, ApiPrincipal caller) {
        return queries.many(new ImportView.ForAccount(caller.accountId(), kind.name(), 40), ImportView.class)
                .stream().map(ImportsController::render).toList();
    }

    @GetMapping({"/api/pleroma/follow_import/{id}", "/api/pleroma/blocks_import/{id}",
            "/api/pleroma/mutes_import/{id}"})
    @Auth(value = Auth.Level.REQUIRED, scope = {"read:follows", "read:blocks", "read:mutes"})
    public ImportJob job(@PathVariable String id, ApiPrincipal caller) {
        ImportView view = FlakeId.isWellFormed(id)
                ? queries.one(new ImportView.ById(id, caller.accountId()), ImportView.class) : null;
        if (view == null) {
            throw ApiException.notFound();
        }
        return render(view);
    }

    @GetMapping("/api/pleroma/follow_export")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:follows")
    public ResponseEntity<String> followExport(ApiPrincipal caller) {
        StringBuilder csv = new StringBuilder("Account address,Show boosts\n");
        exported(AccountList.FOLLOWING, caller).forEach(account -> csv.append(address(account)).append(',')
                .append(account.showingReblogs()).append('\n'));
        return csv(csv, "following_accounts.csv");
    }

    @GetMapping("/api/pleroma/blocks_export")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:blocks")
    public ResponseEntity<String> blocksExport(ApiPrincipal caller) {
        StringBuilder csv = new StringBuilder();
        exported(AccountList.BLOCKS, caller).forEach(account -> csv.append(address(account)).append('\n'));
        return csv(csv, "blocked_accounts.csv");
    }

    @GetMapping("/api/pleroma/mutes_export")
    @Auth(value = Auth.Level.REQUIRED, scope = "read:mutes")
    public ResponseEntity<String> mutesExport(ApiPrincipal caller) {
        StringBuilder csv = new StringBuilder("Account address,Hide notifications\n");
        exported(AccountList.MUTES, caller).forEach(account -> csv.append(address(account)).append(',')
                .append(account.mutingNotifications()).append('\n'));
        return csv(csv, "muted_accounts.csv");
    }

    private ResponseEntity<String> start(ImportKind kind, String path, Params params, ApiPrincipal caller) {
        String list = listText(params);
        String importId;
        try {
            importId = commands.sendAndWait(new ImportCommands.Start(ids.next(), caller.accountId(), kind, list));
        } catch (RuntimeException e) {
            if (!(ApiErrorHandler.unwrap(e) instanceof ImportAlreadyRunning)) {
                throw e;
            }
            // The same list was submitted at the same moment and that job won: join it.
            importId = commands.sendAndWait(new ImportCommands.Start(ids.next(), caller.accountId(), kind, list));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.LOCATION, urls.base() + "/api/pleroma/" + path + "/" + importId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JOB_STARTED);
    }

    /** The list as a form value or an uploaded text file; binary uploads are refused. */
    private static String listText(Params params) {
        MultipartFile file = params.file("list").orElse(null);
        if (file == null) {
            return params.required("list");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.getBytes())).toString();
            if (text.indexOf('\0') >= 0) {
                throw notText();
            }
            return text;
        } catch (CharacterCodingException e) {
            throw notText();
        } catch (IOException e) {
            throw ApiException.error(HttpStatus.BAD_REQUEST, "The uploaded list could not be read");
        }
    }

    private static ApiException notText() {
        return ApiException.invalidParameter("list", "The list must be a UTF-8 text file");
    }

    private List<RelationshipQueries.Exported> exported(AccountList list, ApiPrincipal caller) {
        return queries.many(new RelationshipQueries.Export(list, caller.accountId()), RelationshipQueries.Exported.class);
    }

    private String address(RelationshipQueries.Exported account) {
        return account.nickname() + "@" + urls.host();
    }

    private static ResponseEntity<String> csv(StringBuilder body, String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body.toString());
    }

    static ImportJob render(ImportView view) {
        Map<String, Integer> results = new LinkedHashMap<>();
        view.results().forEach((result, count) -> results.put(resultName(view.kind(), result), count));
        List<ImportJob.Entry> entries = view.entries() == null ? null : view.entries().stream()
                .map(entry -> new ImportJob.Entry(entry.entry(),
                        entry.result() == null ? "pending" : resultName(view.kind(), entry.result())))
                .toList();
        return new ImportJob(view.importId(), view.kind().toLowerCase(Locale.ROOT),
                view.completed() ? "completed" : "running", view.total(), view.processed(),
                view.total() == 0 ? 1.0 : (double) view.processed() / view.total(), results,
                Dates.mastodon(view.startedAt()), Dates.mastodon(view.updatedAt()), entries);
    }

    /** Result names a person reads: what happened to the listed account. */
    static String resultName(String kind, String result) {
        String done = switch (kind) {
            case "FOLLOW" -> "followed";
            case "BLOCK" -> "blocked";
            default -> "muted";
        };
        return switch (result) {
            case "DONE" -> done;
            case "REQUESTED" -> "requested";
            case "ALREADY" -> "already_" + done;
            case "NOT_FOUND" -> "not_found";
            case "BLOCKED" -> "blocked_by_account";
            default -> "invalid";
        };
    }
}
