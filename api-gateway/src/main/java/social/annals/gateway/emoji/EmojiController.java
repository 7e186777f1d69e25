package social.annals.gateway.emoji;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import social.annals.command.emoji.EmojiCommands;
import social.annals.events.emoji.CustomEmoji;
import social.annals.gateway.api.Queries;
import social.annals.gateway.consistency.Commands;
import social.annals.gateway.render.Urls;
import social.annals.gateway.render.entity.Emoji;
import social.annals.gateway.render.entity.PleromaEmoji;
import social.annals.gateway.security.ApiPrincipal;
import social.annals.gateway.security.Auth;
import social.annals.query.emoji.EmojiQueries;

/** The custom emoji list in Pleroma's and Mastodon's shapes, and the admin's reload. */
@RestController
public class EmojiController {

    private final Queries queries;
    private final Commands commands;
    private final EmojiSources sources;
    private final Urls urls;

    public EmojiController(Queries queries, Commands commands, EmojiSources sources,
                           Urls urls) {
        this.queries = queries;
        this.commands = commands;
        this.sources = sources;
        this.urls = urls;
    }

    /** Shortcode to the image path exactly as configured (clients prefix the origin) and tags. */
    @GetMapping({"/api/pleroma/emoji", "/api/pleroma/emoji.json"})
    public Map<String, PleromaEmoji> pleroma() {
        Map<String, PleromaEmoji> out = new LinkedHashMap<>();
        for (CustomEmoji emoji : all()) {
            out.put(emoji.shortcode(), new PleromaEmoji(emoji.imageUrl(), emoji.tags()));
        }
        return out;
    }

    @GetMapping("/api/v1/custom_emojis")
    public List<Emoji> mastodon() {
        return all().stream().map(emoji -> {
            String url = urls.resolve(emoji.imageUrl());
            return new Emoji(emoji.shortcode(), url, url, true, emoji.tags());
        }).toList();
    }

    @PostMapping("/api/pleroma/admin/reload_emoji")
    @Auth(Auth.Level.ADMIN)
    public TextNode reload(ApiPrincipal caller) {
        String actor = caller.isUser() ? caller.accountId() : ApiPrincipal.ADMIN_TOKEN_ACTOR;
        commands.sendAndWait(EmojiCommands.Reload.of(sources.load(), actor));
        return TextNode.valueOf("ok");
    }

    private List<CustomEmoji> all() {
        return queries.many(new EmojiQueries.All(), CustomEmoji.class);
    }
}
