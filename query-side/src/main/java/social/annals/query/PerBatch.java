package social.annals.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Events of one kind that a read model writes together, with one statement, when their batch
 * commits. The read model's other handlers call {@link #flush()} first, so the events still take
 * effect in their order. Outside a unit of work an event is written at once.
 */
public final class PerBatch<T> {

    private final String key;
    private final Consumer<List<T>> write;

    /** {@code owner} names the pending list among the batch's resources. */
    public PerBatch(Class<?> owner, String kind, Consumer<List<T>> write) {
        this.key = owner.getName() + "." + kind;
        this.write = write;
    }

    public void add(T event) {
        if (!CurrentUnitOfWork.isStarted()) {
            write.accept(List.of(event));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(key, k -> {
            batch.onPrepareCommit(unitOfWork -> flush());
            return new ArrayList<T>();
        }).add(event);
    }

    /** Writes what this batch holds so far. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            List<T> pending = CurrentUnitOfWork.get().root().getResource(key);
            if (pending != null && !pending.isEmpty()) {
                write.accept(List.copyOf(pending));
                pending.clear();
            }
        }
    }
}
