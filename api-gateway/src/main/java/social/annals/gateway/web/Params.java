package social.annals.gateway.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;

/**
 * Every parameter of a request in one map, as Pleroma merges them: query string, then body
 * (form, multipart or JSON; body wins), then path. Form values are strings, JSON keeps its types;
 * {@code name[]} keys are stored under {@code name} as lists.
 */
public final class Params {

    private static final Set<String> TRUTHY = Set.of("true", "1", "t", "on", "yes");
    private static final Set<String> FALSY = Set.of("false", "0", "f", "off", "no");

    private final Map<String, Object> values;
    private final Map<String, MultipartFile> files;

    Params(Map<String, Object> values, Map<String, MultipartFile> files) {
        this.values = Collections.unmodifiableMap(values);
        this.files = Collections.unmodifiableMap(files);
    }

    public static Params of(Map<String, Object> values) {
        return new Params(values, Map.of());
    }

    public boolean has(String name) {
        return values.containsKey(name) || files.containsKey(name);
    }

    public Object raw(String name) {
        return values.get(name);
    }

    /** The value as text; numbers and booleans from JSON are given as their text. */
    public Optional<String> string(String name) {
        Object value = values.get(name);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(list.size() - 1);
        }
        if (value == null || value instanceof Map) {
            return Optional.empty();
        }
        return Optional.of(value.toString());
    }

    public String stringOrNull(String name) {
        return string(name).orElse(null);
    }

    public String required(String name) {
        return string(name).orElseThrow(() -> ApiException.missingParameter(name));
    }

    /** The text of a parameter that may also be an uploaded file (e.g. an import list). */
    public Optional<MultipartFile> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /**
     * A boolean: JSON booleans, and the strings true/false/1/0 (and t/f, on/off, yes/no) in any
     * case. Empty when absent; {@link ApiException} 400 when present but not a boolean.
     */
    public Optional<Boolean> bool(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof Number n) {
            if (n.intValue() == 0 || n.intValue() == 1) {
                return Optional.of(n.intValue() == 1);
            }
        } else {
            String text = value.toString().trim().toLowerCase(Locale.ROOT);
            if (TRUTHY.contains(text)) {
                return Optional.of(true);
            }
            if (FALSY.contains(text)) {
                return Optional.of(false);
            }
        }
        throw ApiException.invalidParameter(name, "Invalid value for " + name + ": expected a boolean");
    }

    /** Values of a list parameter ({@code name[]=a&name[]=b}, a JSON array, or one value). */
    public List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(v -> v != null && !(v instanceof Map)).forEach(v -> out.add(v.toString()));
        } else if (!(value instanceof Map)) {
            out.add(value.toString());
        }
        return out;
    }

    public Set<String> names() {
        return values.keySet();
    }
}
