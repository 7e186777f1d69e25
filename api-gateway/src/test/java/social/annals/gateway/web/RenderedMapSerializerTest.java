package social.annals.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RenderedMapSerializerTest {

    record Card(String title, List<String> tags) {
    }

    @Test
    void writesExactlyWhatJacksonsOwnMapSerializerWrites() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("is_seen", false);
        nested.put("nothing", null);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", "9");
        map.put("count", 3);
        map.put("big", 5_000_000_000L);
        map.put("ratio", 0.25);
        map.put("price", new BigDecimal("1.10"));
        map.put("text", "quote \" and \u00e9 and \n");
        map.put("pleroma", nested);
        map.put("empty", List.of());
        map.put("mixed", new ArrayList<>(Arrays.asList("a", 1, null, Map.of("k", true), List.of(2L))));
        map.put("card", new Card("t", List.of("x")));
        map.put("by_number", new TreeMap<>(Map.of(2, "two", 1, "one")));
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper rendered = new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(new RenderedMapSerializer()));

        assertThat(rendered.writeValueAsString(map)).isEqualTo(plain.writeValueAsString(map));
        assertThat(rendered.writeValueAsString(List.of(map, Map.of()))).isEqualTo(
                plain.writeValueAsString(List.of(map, Map.of())));
    }
}
