package social.annals.gateway.federation.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An {@code OrderedCollection} (its total and the link to its first page, or its items when they
 * are few) or one {@code OrderedCollectionPage} of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Collection(
        @JsonProperty("@context") List<Object> context,
        String id,
        String type,
        Integer totalItems,
        String partOf,
        String first,
        String next,
        List<?> orderedItems) {

    public static Collection of(List<Object> context, String id, int totalItems, String first) {
        return new Collection(context, id, "OrderedCollection", totalItems, null, first, null, null);
    }

    public static Collection page(List<Object> context, String id, String partOf, String next, List<?> items) {
        return new Collection(context, id, "OrderedCollectionPage", null, partOf, null, next, items);
    }
}
