package social.annals.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import social.annals.events.ids.FlakeId;

/** Mastodon's keyset pagination: {@code max_id}, {@code since_id}, {@code min_id}, {@code limit}, and the Link header. */
public record Pagination(String maxId, String sinceId, String minId, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 40;
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,9})");
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,18}");
    private static final Set<String> CURSORS = Set.of("max_id", "since_id", "min_id");

    /**
     * Cursors that are not ids are ignored (they could match nothing anyway); the limit is read
     * leniently ("20abc" is 20), defaults to 20 and is clamped to 1..40.
     */
    public static Pagination from(Params params) {
        return from(params, FlakeId::isWellFormed);
    }

    /** The same rules for lists keyed by numeric ids (notifications): a cursor must be a number. */
    public static Pagination numeric(Params params) {
        return from(params, NUMERIC_ID.asMatchPredicate());
    }

    private static Pagination from(Params params, java.util.function.Predicate<String> wellFormed) {
        int limit = leadingNumber(params.stringOrNull("limit"), DEFAULT_LIMIT);
        return new Pagination(cursor(params, "max_id", wellFormed), cursor(params, "since_id", wellFormed),
                cursor(params, "min_id", wellFormed), Math.max(1, Math.min(MAX_LIMIT, limit)));
    }

    /** A number read leniently, as Pleroma does: "20abc" is 20; text without a leading number is the fallback. */
    public static int leadingNumber(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        Matcher matcher = LEADING_NUMBER.matcher(text);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : fallback;
    }

    private static String cursor(Params params, String name, java.util.function.Predicate<String> wellFormed) {
        return params.string(name).map(String::trim).filter(wellFormed).orElse(null);
    }

    /** A numeric id as clients send it: at most 18 digits, so it fits a long. */
    public static Long numericId(String text) {
        return text != null && NUMERIC_ID.matcher(text.trim()).matches() ? Long.valueOf(text.trim()) : null;
    }

    /**
     * The Link header for a page: {@code next} (older, {@code max_id} = last) and {@code prev}
     * (newer, {@code min_id} = first), both or none, keeping every other request parameter.
     */
    public static <T> HttpHeaders links(String baseUrl, HttpServletRequest request, List<T> page,
                                        Function<T, String> idOf) {
        HttpHeaders headers = new HttpHeaders();
        if (page.isEmpty()) {
            return headers;
        }
        StringBuilder kept = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : ParamsResolver.parseQuery(request.getQueryString()).entrySet()) {
            if (CURSORS.contains(parameter.getKey())) {
                continue;
            }
            for (String value : parameter.getValue()) {
                kept.append(encode(parameter.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        String url = baseUrl + request.getRequestURI() + "?" + kept;
        String next = url + "max_id=" + encode(idOf.apply(page.get(page.size() - 1)));
        String prev = url + "min_id=" + encode(idOf.apply(page.get(0)));
        headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\", <" + prev + ">; rel=\"prev\"");
        return headers;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%5B%5D", "[]");
    }
}
