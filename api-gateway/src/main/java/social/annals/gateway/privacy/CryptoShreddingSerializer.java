package social.annals.gateway.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import social.annals.events.privacy.DataSubject;
import social.annals.events.privacy.PersonalData;

/**
 * The event serializer: Jackson, with every {@link PersonalData} field encrypted under the key
 * of the event's {@link DataSubject} on the way into the store and decrypted on the way out.
 * When the key is gone the field reads as null, so aggregates and projections see the erased
 * state without ever handling keys.
 */
public class CryptoShreddingSerializer implements Serializer {

    private final JacksonSerializer delegate;
    private final ObjectMapper mapper;
    private final PersonalDataCipher cipher;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    public CryptoShreddingSerializer(JacksonSerializer delegate, PersonalDataCipher cipher) {
        this.delegate = delegate;
        this.mapper = delegate.getObjectMapper();
        this.cipher = cipher;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Shape shape = object == null ? Shape.NONE : shapeOf(object.getClass());
        if (shape.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        String subject = tree.path(shape.subjectField()).asText(null);
        for (String field : shape.personalFields()) {
            JsonNode value = tree.get(field);
            if (value != null && value.isTextual()) {
                tree.put(field, cipher.encrypt(subject, value.asText()));
            }
        }
        SerializedObject<JsonNode> serialized =
                new SimpleSerializedObject<>(tree, JsonNode.class, typeForClass(object.getClass()));
        return getConverter().convert(serialized, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        Shape shape = type == null || UnknownSerializedType.class.equals(type) ? Shape.NONE : shapeOf(type);
        if (shape.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode converted = getConverter().convert(serializedObject, JsonNode.class).getData();
        ObjectNode tree = converted.deepCopy();
        String subject = tree.path(shape.subjectField()).asText(null);
        for (String field : shape.personalFields()) {
            JsonNode value = tree.get(field);
            if (value != null && value.isTextual()) {
                cipher.decrypt(subject, value.asText()).ifPresentOrElse(
                        plain -> tree.put(field, plain), () -> tree.putNull(field));
            }
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private Shape shapeOf(Class<?> type) {
        return shapes.computeIfAbsent(type, Shape::of);
    }

    /** Which fields of a record type are personal, and which field names their subject. */
    record Shape(String subjectField, List<String> personalFields) {

        static final Shape NONE = new Shape(null, List.of());

        boolean isEmpty() {
            return personalFields.isEmpty();
        }

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                return NONE;
            }
            String subject = null;
            List<String> personal = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(DataSubject.class)) {
                    subject = component.getName();
                }
                if (component.isAnnotationPresent(PersonalData.class)) {
                    personal.add(component.getName());
                }
            }
            if (!personal.isEmpty() && subject == null) {
                throw new IllegalStateException(type.getName() + " has personal data but no @DataSubject");
            }
            return personal.isEmpty() ? NONE : new Shape(subject, List.copyOf(personal));
        }
    }
}
