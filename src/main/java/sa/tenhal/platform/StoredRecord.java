package sa.tenhal.platform;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * A record whose id Tenhal assigns when it makes it ({@link Ids}), stored through a Spring Data repository: it knows
 * whether it is stored yet, so that saving a new one inserts it.
 *
 * <p>Spring Data tells a new entity from a stored one by its id, or by its version when the version is an object. An id
 * Tenhal assigned is never empty, so without this every new record was taken for a stored one and <em>merged</em>: one
 * {@code select} by id before its {@code insert}, and one more for each row it cascades to (an invoice's lines). Where
 * the version was an object, Spring Data read it through a bean property these records do not have, and built an
 * exception with its stack trace on every save to fall back to the field. A record is new until it was loaded or
 * inserted ({@link PostLoad}, {@link PostPersist}); a record made anew for a row that exists is not expected anywhere
 * (an insert then fails on the primary key instead of overwriting the row).
 *
 * @param <A> the record's own type, for the domain events it registers
 */
@MappedSuperclass
public abstract class StoredRecord<A extends StoredRecord<A>> extends AbstractAggregateRoot<A>
        implements Persistable<UUID> {

    @Transient
    private boolean stored;

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }
}
