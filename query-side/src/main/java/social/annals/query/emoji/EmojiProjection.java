package social.annals.query.emoji;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import social.annals.events.emoji.CustomEmoji;
import social.annals.events.emoji.CustomEmojiReloaded;

/** Read model "emoji". A reload writes absolute rows, so replaying it gives the same table. */
@Component
@ProcessingGroup(EmojiProjection.GROUP)
public class EmojiProjection {

    public static final String GROUP = "emoji";

    private final JdbcTemplate jdbc;

    public EmojiProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CustomEmojiReloaded event) {
        for (String shortcode : event.removed()) {
            jdbc.update("DELETE FROM emoji_view WHERE shortcode = ?", shortcode);
        }
        for (CustomEmoji emoji : event.upserted()) {
            jdbc.update(con -> {
                var statement = con.prepareStatement("INSERT INTO emoji_view (shortcode, image_url, tags) "
                        + "VALUES (?, ?, ?) ON CONFLICT (shortcode) DO UPDATE SET image_url = EXCLUDED.image_url, "
                        + "tags = EXCLUDED.tags");
                statement.setString(1, emoji.shortcode());
                statement.setString(2, emoji.imageUrl());
                statement.setArray(3, con.createArrayOf("text", emoji.tags().toArray()));
                return statement;
            });
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM emoji_view");
    }

    @QueryHandler
    public List<CustomEmoji> handle(EmojiQueries.All query) {
        return jdbc.query("SELECT shortcode, image_url, tags FROM emoji_view ORDER BY shortcode", EmojiProjection::map);
    }

    @QueryHandler
    public List<CustomEmoji> handle(EmojiQueries.ByShortcodes query) {
        if (query.shortcodes().isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var statement = con.prepareStatement(
                    "SELECT shortcode, image_url, tags FROM emoji_view WHERE shortcode = ANY (?) ORDER BY shortcode");
            statement.setArray(1, con.createArrayOf("varchar", query.shortcodes().toArray()));
            return statement;
        }, EmojiProjection::map);
    }

    private static CustomEmoji map(ResultSet rs, int row) throws SQLException {
        Array tags = rs.getArray("tags");
        return new CustomEmoji(rs.getString("shortcode"), rs.getString("image_url"),
                Arrays.asList((String[]) tags.getArray()));
    }
}
