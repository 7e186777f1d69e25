package social.annals.gateway.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes the maps the renderers answer with: strings, numbers, booleans and nulls, nested maps and
 * lists, written directly. Jackson's own map serializer looks a serializer up for every key and
 * value, which was a fifth of a notification listing's CPU. Any other key or value goes through
 * Jackson as before, so the JSON is the same.
 */
public final class RenderedMapSerializer extends StdSerializer<Map<?, ?>> {

    public RenderedMapSerializer() {
        super(Map.class, false);
    }

    @Override
    public void serialize(Map<?, ?> map, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject(map);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            if (key instanceof String name) {
                gen.writeFieldName(name);
            } else if (key == null) {
                provider.findNullKeySerializer(provider.constructType(Object.class), null).serialize(null, gen, provider);
            } else {
                provider.findKeySerializer(key.getClass(), null).serialize(key, gen, provider);
            }
            write(entry.getValue(), gen, provider);
        }
        gen.writeEndObject();
    }

    private void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof String text) {
            gen.writeString(text);
        } else if (value instanceof Boolean flag) {
            gen.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            gen.writeNumber(number);
        } else if (value instanceof Long number) {
            gen.writeNumber(number);
        } else if (value instanceof Map<?, ?> nested) {
            serialize(nested, gen, provider);
        } else if (value instanceof List<?> list) {
            gen.writeStartArray(list, list.size());
            for (Object item : list) {
                write(item, gen, provider);
            }
            gen.writeEndArray();
        } else {
            provider.defaultSerializeValue(value, gen);
        }
    }
}
