package social.annals.gateway.api.media;

import java.io.IOException;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import social.annals.command.ids.FlakeIdGenerator;
import social.annals.command.media.MediaCommands;
import social.annals.events.ids.FlakeId;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.StatusRenderer;
import social.annals.gateway.render.entity.Attachment;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.gateway.web.ApiException;
import social.annals.gateway.web.Params;
import social.annals.query.status.StatusQueries;

/**
 * Media uploads ({@code POST /api/v1/media}, also at v2) and their files at {@code /media/:id}.
 * The bytes go to the media store (a table shared by every node) in the same transaction as the
 * upload's event.
 */
@RestController
public class MediaController {

    private static final int MAX_DESCRIPTION = 1500;

    private final Commands commands;
    private final JdbcTemplate jdbc;
    private final FlakeIdGenerator ids;
    private final StatusRenderer statuses;

    public MediaController(Commands commands, JdbcTemplate jdbc, FlakeIdGenerator ids, StatusRenderer statuses) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.ids = ids;
        this.statuses = statuses;
    }

    @PostMapping({"/api/v1/media", "/api/v2/media"})
    @Auth(value = Auth.Level.REQUIRED, scope = "write:media")
    public Attachment upload(Params params, ApiPrincipal caller) throws IOException {
        MultipartFile file = params.file("file").filter(f -> !f.isEmpty())
                .orElseThrow(() -> ApiException.error(HttpStatus.UNPROCESSABLE_ENTITY, "File is missing or empty"));
        String description = params.string("description").filter(text -> !text.isBlank()).orElse(null);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw ApiException.error(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Description must be up to " + MAX_DESCRIPTION + " characters");
        }
        String mimeType = mimeTypeOf(file);
        byte[] content = file.getBytes();
        String mediaId = ids.next();
        commands.inOneTransaction(commands -> {
            jdbc.update("INSERT INTO media_file (media_id, owner_id, mime_type, content) VALUES (?, ?, ?, ?)",
                    mediaId, caller.accountId(), mimeType, content);
            commands.sendAndWait(new MediaCommands.Upload(mediaId, caller.accountId(), mimeType, content.length,
                    description));
        });
        return statuses.attachment(new StatusQueries.Media(mediaId, caller.accountId(), mimeType, description));
    }

    /**
     * Files come from users and are served from the instance's own origin: only images (not SVG),
     * video and audio are shown inline; anything else is a download, and nothing may run scripts.
     */
    @GetMapping("/media/{id}")
    public ResponseEntity<byte[]> file(@PathVariable String id) {
        if (!FlakeId.isWellFormed(id)) {
            throw ApiException.notFound();
        }
        return jdbc.query("SELECT mime_type, content FROM media_file WHERE media_id = ?", (rs, row) -> {
            String mime = rs.getString(1);
            boolean inline = displayable(mime);
            return ResponseEntity.ok()
                    .contentType(inline ? MediaType.parseMediaType(mime) : MediaType.APPLICATION_OCTET_STREAM)
                    .header("Content-Disposition", inline ? "inline" : "attachment")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header("X-Content-Type-Options", "nosniff")
                    .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic())
                    .body(rs.getBytes(2));
        }, id).stream().findFirst().orElseThrow(ApiException::notFound);
    }

    static boolean displayable(String mime) {
        return (mime.startsWith("image/") && !mime.startsWith("image/svg")) || mime.startsWith("video/")
                || mime.startsWith("audio/");
    }

    /** The client's type when it is a well-formed one; anything else is served as bytes. */
    private static String mimeTypeOf(MultipartFile file) {
        String type = file.getContentType();
        try {
            return type == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                    : MediaType.parseMediaType(type).toString().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
