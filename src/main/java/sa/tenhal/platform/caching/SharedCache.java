package sa.tenhal.platform.caching;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One cache of a region (see {@link SharedCaches}). A value loaded while the region was cleared (a change committed
 * during the load) is returned but not kept: it may be the old one.
 */
public final class SharedCache<K, V> {

    private final Cache<K, V> entries;
    private final AtomicLong generation = new AtomicLong();

    SharedCache(Cache<K, V> entries) {
        this.entries = entries;
    }

    /** The cached value, or the loader's, kept for later unless the region was cleared meanwhile. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        V value = entries.getIfPresent(key);
        if (value != null) {
            return value;
        }
        long before = generation.get();
        value = loader.apply(key);
        put(key, value, before);
        return value;
    }

    public V getIfPresent(K key) {
        return entries.getIfPresent(key);
    }

    /** The current generation, to pass to {@link #put(Object, Object, long)} for a value about to be loaded. */
    public long generation() {
        return generation.get();
    }

    /** Keeps a value loaded when the region was at {@code loadedAt}, unless it has been cleared since. */
    public void put(K key, V value, long loadedAt) {
        if (value == null || generation.get() != loadedAt) {
            return;
        }
        entries.put(key, value);
        if (generation.get() != loadedAt) {
            entries.invalidate(key); // cleared between the check and the put
        }
    }

    public void invalidate(K key) {
        entries.invalidate(key);
    }

    void clear() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}
