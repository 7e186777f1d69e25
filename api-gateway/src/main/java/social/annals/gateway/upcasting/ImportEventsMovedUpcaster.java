package social.annals.gateway.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import social.annals.events.imports.AccountListImportBatchProcessed;
import social.annals.events.imports.AccountListImportStarted;
import social.annals.events.imports.ImportEntryResult;
import social.annals.events.imports.ImportKind;

/**
 * The account list import's events moved from {@code social.annals.events.social} to
 * {@code social.annals.events.imports}. An event stored under its old name is read as the class
 * of the same name in the new package; its revision and its JSON stay as they were. The values
 * they carry ({@link ImportKind}, {@link ImportEntryResult}) are stored as plain JSON fields, not
 * by class name, and need nothing.
 */
@Component
public class ImportEventsMovedUpcaster extends SingleEventUpcaster {

    static final String OLD_PACKAGE = "social.annals.events.social.";

    /** Old stored type name to new one. */
    static final Map<String, String> MOVED = Stream.of(AccountListImportStarted.class,
                    AccountListImportBatchProcessed.class)
            .collect(Collectors.toUnmodifiableMap(type -> OLD_PACKAGE + type.getSimpleName(), Class::getName));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return MOVED.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SerializedType stored = representation.getType();
        return representation.upcastPayload(new SimpleSerializedType(MOVED.get(stored.getName()), stored.getRevision()),
                JsonNode.class, Function.identity());
    }
}
