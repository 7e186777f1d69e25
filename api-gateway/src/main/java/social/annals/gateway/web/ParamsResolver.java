package social.annals.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

/** Builds {@link Params} for a controller method from every source of the request. */
@Component
public class ParamsResolver implements HandlerMethodArgumentResolver {

    private static final String CACHE = ParamsResolver.class.getName() + ".params";
    /** Pleroma's default upload limit bounds every body. */
    private static final int MAX_JSON_BODY = 16_000_000;
    private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";
    private static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

    private final ObjectMapper mapper;

    public ParamsResolver(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Params.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Params cached = (Params) request.getAttribute(CACHE);
        if (cached != null) {
            return cached;
        }
        Params params = read(request, webRequest.getNativeRequest(MultipartHttpServletRequest.class));
        request.setAttribute(CACHE, params);
        return params;
    }

    private Params read(HttpServletRequest request, MultipartHttpServletRequest multipart) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<String>> query = parseQuery(request.getQueryString());
        query.forEach((name, list) -> put(values, name, list));

        Map<String, MultipartFile> files = new HashMap<>();
        // A GET's body has no meaning (RFC 9110): it is neither read nor parsed.
        if (hasMeaningfulBody(request)) {
            readBody(request, multipart, query, values, files);
        }
        Object pathVariables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pathVariables instanceof Map<?, ?> path) {
            path.forEach((name, value) -> values.put(name.toString(), value));
        }
        values.forEach((name, value) -> {
            if (containsNul(value)) {
                throw ApiException.invalidParameter(name, "Invalid value for " + name + ": NUL characters");
            }
        });
        return new Params(values, files);
    }

    @SuppressWarnings("unchecked")
    private void readBody(HttpServletRequest request, MultipartHttpServletRequest multipart,
                          Map<String, List<String>> query, Map<String, Object> values,
                          Map<String, MultipartFile> files) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/")) {
            Map<String, String[]> parameters = request.getParameterMap();
            refuseUnparsedForm(request);
            parameters.forEach((name, all) -> {
                int fromQuery = query.getOrDefault(name, List.of()).size();
                if (all.length > fromQuery) {
                    put(values, name, List.of(all).subList(fromQuery, all.length));
                }
            });
            if (multipart != null) {
                multipart.getFileMap().forEach((name, file) -> files.put(stripBrackets(name), file));
            }
        } else if (contentType.contains("json")) {
            byte[] body = request.getInputStream().readNBytes(MAX_JSON_BODY + 1);
            if (body.length > MAX_JSON_BODY) {
                throw ApiException.error(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large");
            }
            if (!new String(body, StandardCharsets.UTF_8).isBlank()) {
                Object json;
                try {
                    json = mapper.readValue(body, Object.class);
                } catch (JsonProcessingException e) {
                    throw ApiException.error(HttpStatus.BAD_REQUEST, "Malformed JSON body");
                }
                if (json instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).forEach((name, value) -> values.put(stripBrackets(name), value));
                } else {
                    values.put("_json", json);
                }
            }
        }
    }

    /**
     * Tomcat drops a form it cannot parse (too large, broken percent-encoding) and says so only in
     * a request attribute; going on would answer as if the fields were missing.
     */
    private static void refuseUnparsedForm(HttpServletRequest request) {
        if (request.getAttribute(PARSE_FAILED) == null) {
            return;
        }
        if ("POST_TOO_LARGE".equals(String.valueOf(request.getAttribute(PARSE_FAILED_REASON)))) {
            throw ApiException.error(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large");
        }
        throw ApiException.error(HttpStatus.BAD_REQUEST, "Malformed request body");
    }

    static boolean hasMeaningfulBody(HttpServletRequest request) {
        String method = request.getMethod();
        return !"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method);
    }

    /** PostgreSQL cannot store U+0000 in text, and no client has a reason to send it. */
    private static boolean containsNul(Object value) {
        if (value instanceof String text) {
            return text.indexOf('\u0000') >= 0;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(ParamsResolver::containsNul);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(ParamsResolver::containsNul);
        }
        return false;
    }

    /** {@code a[]} accumulates a list under {@code a}; a repeated plain key keeps its last value. */
    private static void put(Map<String, Object> values, String name, List<String> list) {
        if (name.endsWith("[]")) {
            values.put(stripBrackets(name), new ArrayList<>(list));
        } else if (!list.isEmpty()) {
            values.put(name, list.get(list.size() - 1));
        }
    }

    private static String stripBrackets(String name) {
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
    }

    static Map<String, List<String>> parseQuery(String queryString) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return out;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
