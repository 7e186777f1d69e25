package social.annals.gateway.emoji;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import social.annals.events.emoji.CustomEmoji;

/**
 * Reads the operator's emoji sources in Pleroma's order, a later source replacing an earlier
 * entry with the same shortcode: pack folders under {@code <staticDir>/emoji/}, then the list
 * files, then the globs over the bundled static files (which ship a small default set).
 */
@Component
public class EmojiSources {

    private static final Logger log = LoggerFactory.getLogger(EmojiSources.class);

    private final EmojiSettings settings;
    private final EmojiListFormat format;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    public EmojiSources(EmojiSettings settings) {
        this.settings = settings;
        this.format = new EmojiListFormat(settings.groups());
    }

    public List<CustomEmoji> load() {
        Map<String, CustomEmoji> found = new LinkedHashMap<>();
        packs().forEach(emoji -> found.put(emoji.shortcode(), emoji));
        for (String list : settings.lists()) {
            Path file = Path.of(list);
            if (Files.isRegularFile(file)) {
                listFile(file).forEach(emoji -> found.put(emoji.shortcode(), emoji));
            }
        }
        bundled().forEach(emoji -> found.put(emoji.shortcode(), emoji));
        return List.copyOf(found.values());
    }

    /** The directory whose {@code emoji/} folder holds the packs; its files are served at {@code /emoji/}. */
    public Path emojiDirectory() {
        return Path.of(settings.staticDir(), "emoji").toAbsolutePath().normalize();
    }

    private List<CustomEmoji> packs() {
        Path root = emojiDirectory();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<CustomEmoji> emoji = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path pack : entries.sorted().toList()) {
                if (!Files.isDirectory(pack)) {
                    log.warn("Ignoring {}: emoji belong in pack folders under {}", pack.getFileName(), root);
                } else if (Files.isRegularFile(pack.resolve("emoji.txt"))) {
                    emoji.addAll(listFile(pack.resolve("emoji.txt")));
                } else {
                    emoji.addAll(packFiles(pack));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return emoji;
    }

    private List<CustomEmoji> packFiles(Path pack) throws IOException {
        try (Stream<Path> files = Files.walk(pack)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> settings.packExtensions().stream()
                            .anyMatch(extension -> file.getFileName().toString().endsWith(extension)))
                    .sorted()
                    .map(file -> {
                        String relative = pack.relativize(file).toString().replace('\\', '/');
                        String path = "/emoji/" + pack.getFileName() + "/" + relative;
                        return new CustomEmoji(baseName(file.getFileName().toString()), path,
                                List.of(format.groupOf(path)));
                    })
                    .toList();
        }
    }

    private List<CustomEmoji> listFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Cannot read emoji list {}: {}", file, e.getMessage());
            return List.of();
        }
        List<CustomEmoji> emoji = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            var parsed = format.parse(line);
            if (parsed.isPresent()) {
                emoji.add(parsed.get());
            } else if (!line.isBlank()) {
                log.warn("Skipping line {} of {}: expected \"shortcode, path[, tag...]\"", number, file);
            }
        }
        return emoji;
    }

    private List<CustomEmoji> bundled() {
        List<CustomEmoji> emoji = new ArrayList<>();
        for (String glob : settings.shortcodeGlobs()) {
            try {
                for (Resource resource : resolver.getResources("classpath*:static" + glob)) {
                    String url = resource.getURL().toString();
                    String path = url.substring(url.lastIndexOf("/static/") + "/static".length());
                    String name = resource.getFilename() == null ? "" : resource.getFilename();
                    emoji.add(new CustomEmoji(baseName(name), path, List.of(format.groupOf(path))));
                }
            } catch (IOException e) {
                log.warn("Cannot evaluate emoji glob {}: {}", glob, e.getMessage());
            }
        }
        emoji.sort(java.util.Comparator.comparing(CustomEmoji::imageUrl));
        return emoji;
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
