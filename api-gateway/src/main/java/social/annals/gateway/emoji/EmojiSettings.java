package social.annals.gateway.emoji;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where custom emoji come from ({@code annals.emoji.*}, see docs/api.md, "Custom emoji"): pack folders
 * under {@code <staticDir>/emoji/}, emoji list files, globs over the bundled static files, and
 * the groups that tag an emoji by its path.
 */
@ConfigurationProperties("annals.emoji")
public record EmojiSettings(
        @DefaultValue("instance/static") String staticDir,
        @DefaultValue({"config/emoji.txt", "config/custom_emoji.txt"}) List<String> lists,
        @DefaultValue("/emoji/custom/**/*.png") List<String> shortcodeGlobs,
        @DefaultValue({".png", ".gif"}) List<String> packExtensions,
        Map<String, List<String>> groups) {

    public EmojiSettings {
        if (groups == null || groups.isEmpty()) {
            groups = new LinkedHashMap<>();
            groups.put("Custom", List.of("/emoji/*.png", "/emoji/**/*.png"));
        }
    }
}
