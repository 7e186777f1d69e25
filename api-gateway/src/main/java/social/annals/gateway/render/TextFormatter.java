package social.annals.gateway.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import social.annals.gateway.api.Queries;
import social.annals.query.account.AccountQueries;
import social.annals.query.account.AccountView;

/**
 * Plain text as users write it (bios now, statuses later) to the HTML clients show: escaped,
 * newlines as {@code <br>}, links, and {@code @nick} mentions of local accounts as h-card links.
 */
@Component
public class TextFormatter {

    private static final Pattern TOKENS = Pattern.compile(
            "(?<url>https?://[^\\s<>\"']+)|(?<=^|[^\\w@/])@(?<nick>[a-zA-Z0-9_-]+)(?:@(?<host>[a-zA-Z0-9.-]+[a-zA-Z0-9](?::[0-9]{1,5})?))?"
                    + "|(?<=^|[^\\w&/#])#(?<tag>[\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");

    /** HTML of a text, with the accounts it mentions (local, or remote ones we know) and its hashtags (lower case, in order). */
    public record Formatted(String html, List<AccountView> mentioned, List<String> tags) {
    }

    /** Rendering a page of statuses strips HTML twenty times: patterns are compiled once. */
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** A tag cut off at the end of the text: a browser would still start reading it as one. */
    private static final Pattern TAG_OR_UNCLOSED_TAG = Pattern.compile("<[^>]*(>|$)");
    /** Sentence punctuation after a link ends the sentence, not the link. */
    private static final String TRAILING_PUNCTUATION = ".,;:!?";

    private final Queries queries;
    private final Urls urls;

    public TextFormatter(Queries queries, Urls urls) {
        this.queries = queries;
        this.urls = urls;
    }

    public String toHtml(String text) {
        return format(text).html();
    }

    public Formatted format(String text) {
        if (text == null || text.isEmpty()) {
            return new Formatted("", List.of(), List.of());
        }
        Map<String, AccountView> known = mentionedAccounts(text);
        Map<String, AccountView> mentioned = new java.util.LinkedHashMap<>();
        java.util.Set<String> tags = new java.util.LinkedHashSet<>();
        StringBuilder html = new StringBuilder();
        Matcher matcher = TOKENS.matcher(text);
        int last = 0;
        while (matcher.find()) {
            html.append(escape(text.substring(last, matcher.start())));
            html.append(render(matcher, known, mentioned, tags));
            last = matcher.end();
        }
        html.append(escape(text.substring(last)));
        return new Formatted(html.toString(), new ArrayList<>(mentioned.values()), new ArrayList<>(tags));
    }

    /** The text of a stored HTML fragment: {@code <br>} as newlines, tags dropped, entities decoded. */
    public static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html; // nothing to strip or decode: the common case for plain statuses
        }
        String text = TAG.matcher(LINE_BREAK.matcher(html).replaceAll("\n")).replaceAll("");
        return HtmlUtils.htmlUnescape(text);
    }

    /**
     * A name or a summary users typed as plain text, with every tag removed, so no client that shows
     * it as HTML runs what someone wrote into it; other text (entities included) is left as typed.
     */
    public static String stripTags(String text) {
        if (text == null || text.indexOf('<') < 0) {
            return text;
        }
        return TAG_OR_UNCLOSED_TAG.matcher(text).replaceAll("");
    }

    private String render(Matcher matcher, Map<String, AccountView> known, Map<String, AccountView> mentioned,
                          java.util.Set<String> tags) {
        String url = matcher.group("url");
        if (url != null) {
            int end = linkEnd(url);
            String escaped = HtmlUtils.htmlEscape(url.substring(0, end));
            return "<a href=\"" + escaped + "\" rel=\"ugc\">" + escaped + "</a>" + escape(url.substring(end));
        }
        String tag = matcher.group("tag");
        if (tag != null) {
            String name = tag.toLowerCase(Locale.ROOT);
            tags.add(name);
            return "<a class=\"hashtag\" data-tag=\"" + HtmlUtils.htmlEscape(name) + "\" href=\"" + urls.base()
                    + "/tag/" + HtmlUtils.htmlEscape(name) + "\" rel=\"tag ugc\">#" + HtmlUtils.htmlEscape(tag) + "</a>";
        }
        AccountView account = known.get(mentionKey(matcher).toLowerCase(Locale.ROOT));
        if (account == null) {
            return escape(matcher.group());
        }
        mentioned.put(account.accountId(), account);
        return "<span class=\"h-card\"><a class=\"u-url mention\" data-user=\"" + account.accountId()
                + "\" href=\"" + HtmlUtils.htmlEscape(urls.profile(account)) + "\" rel=\"ugc\">@<span>"
                + HtmlUtils.htmlEscape(AccountRenderer.username(account)) + "</span></a></span>";
    }

    /**
     * Where a link found in text really ends: without the sentence's punctuation after it, and
     * without a closing parenthesis that closes the sentence's rather than one opened in the link.
     */
    static int linkEnd(String url) {
        int end = url.length();
        while (end > 0) {
            char last = url.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && count(url, '(', end) < count(url, ')', end)) {
                end--;
            } else {
                return end;
            }
        }
        return end;
    }

    private static long count(String text, char c, int end) {
        return text.substring(0, end).chars().filter(ch -> ch == c).count();
    }

    /** The {@code nick@host} of each mention of another server's account in the text, in order, once each. */
    public List<String> remoteMentions(String text) {
        Set<String> remote = new LinkedHashSet<>();
        Matcher matcher = TOKENS.matcher(text);
        while (matcher.find()) {
            if (matcher.group("nick") != null && mentionKey(matcher).contains("@")) {
                remote.add(mentionKey(matcher));
            }
        }
        return List.copyOf(remote);
    }

    private Map<String, AccountView> mentionedAccounts(String text) {
        List<String> nicknames = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(text);
        while (matcher.find()) {
            if (matcher.group("nick") != null) {
                nicknames.add(mentionKey(matcher));
            }
        }
        if (nicknames.isEmpty()) {
            return Map.of();
        }
        return queries.many(new AccountQueries.ByNicknames(nicknames), AccountView.class).stream()
                .collect(Collectors.toMap(a -> a.nickname().toLowerCase(Locale.ROOT), Function.identity(),
                        (a, b) -> a));
    }

    /** The nickname a mention names here: a local one's, or {@code nick@host} for another server's. */
    private String mentionKey(Matcher matcher) {
        String host = matcher.group("host");
        return host == null || host.equalsIgnoreCase(urls.host()) ? matcher.group("nick")
                : matcher.group("nick") + "@" + host;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text).replace("\r\n", "<br>").replace("\n", "<br>");
    }
}
