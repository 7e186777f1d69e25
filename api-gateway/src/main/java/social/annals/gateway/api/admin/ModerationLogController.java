package social.annals.gateway.api.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.gateway.api.Queries;
import social.annals.gateway.api.admin.entity.ModerationLogEntry;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Pagination;
import social.annals.gateway.web.Params;
import social.annals.query.moderation.ModerationLogQueries;

/**
 * {@code GET /api/pleroma/admin/moderation_log} in Pleroma 1.1's shape (an array, newest first,
 * messages rendered from each entry's data), with filters beyond Pleroma: {@code user_id} (the
 * actor), {@code subject_id} (an account acted on), {@code action}, {@code start_date} and
 * {@code end_date}; the number of matching entries in {@code X-Total-Count}; and an unpaged export
 * of the same selection as CSV or JSON.
 */
@RestController
public class ModerationLogController {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final Queries queries;
    private final ObjectMapper mapper;

    public ModerationLogController(Queries queries, ObjectMapper mapper) {
        this.queries = queries;
        this.mapper = mapper;
    }

    @GetMapping("/api/pleroma/admin/moderation_log")
    @Auth(Auth.Level.ADMIN)
    public ResponseEntity<List<ModerationLogEntry>> log(Params params) {
        int page = Math.max(1, Pagination.leadingNumber(params.stringOrNull("page"), 1));
        int pageSize = Math.max(1, Pagination.leadingNumber(params.stringOrNull("page_size"),
                DEFAULT_PAGE_SIZE));
        ModerationLogQueries.Filter filter = filter(params);
        Integer total = queries.one(new ModerationLogQueries.Count(filter), Integer.class);
        // Pleroma 1.1 answers a bare array; the total is a header, so 1.1 clients are unaffected.
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(total))
                .body(entries(filter, page, pageSize));
    }

    @GetMapping("/api/pleroma/admin/moderation_log/export")
    @Auth(Auth.Level.ADMIN)
    public ResponseEntity<Object> export(Params params) {
        List<ModerationLogEntry> entries = entries(filter(params), 1, 0);
        String format = params.string("format").orElse("json");
        if (format.equals("json")) {
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"moderation_log.json\"").contentType(MediaType.APPLICATION_JSON)
                    .body(entries);
        }
        if (!format.equals("csv")) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        StringBuilder csv = new StringBuilder("time,action,actor_id,actor_nickname,message,data\r\n");
        for (ModerationLogEntry entry : entries) {
            JsonNode data = entry.data();
            csv.append(Instant.ofEpochSecond(entry.time())).append(',')
                    .append(cell(data.path("action").asText())).append(',')
                    .append(cell(data.path("actor").path("id").asText(""))).append(',')
                    .append(cell(data.path("actor").path("nickname").asText())).append(',')
                    .append(cell(entry.message())).append(',')
                    .append(cell(data.toString())).append("\r\n");
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"moderation_log.csv\"").contentType(new MediaType("text", "csv"))
                .body(csv.toString());
    }

    private List<ModerationLogEntry> entries(ModerationLogQueries.Filter filter, int page, int pageSize) {
        return queries.many(new ModerationLogQueries.Entries(filter, page, pageSize), ModerationLogQueries.Entry.class)
                .stream().map(entry -> {
                    JsonNode data = parse(entry.data());
                    return new ModerationLogEntry(data, entry.time().getEpochSecond(),
                            ModerationLogMessages.render(data));
                }).toList();
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModerationLogQueries.Filter filter(Params params) {
        String action = params.stringOrNull("action");
        if (action != null && !ModerationLogQueries.ACTIONS.contains(action)) {
            throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
        }
        return new ModerationLogQueries.Filter(params.stringOrNull("user_id"), params.stringOrNull("subject_id"),
                action, instant(params.stringOrNull("start_date"), false), instant(params.stringOrNull("end_date"), true));
    }

    /** An ISO-8601 instant, or a date (the end date then includes that whole day). */
    private static Instant instant(String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(text);
                return (end ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw ApiException.bare(HttpStatus.BAD_REQUEST, "Invalid parameters");
            }
        }
    }

    /** RFC 4180: quoted when needed, quotes doubled; a leading spreadsheet-formula sign is defused. */
    private static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
