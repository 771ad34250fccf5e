/**
 * In-memory caches of data that is read on every request and changed rarely (the catalogue, providers' working hours,
 * API tokens), kept coherent across the nodes that share one PostgreSQL.
 *
 * <ul>
 *   <li>{@link sa.tenhal.platform.caching.SharedCaches#cache}: a Caffeine cache in a named region.
 *   <li>{@link sa.tenhal.platform.caching.SharedCaches#changed}: call it in the transaction that changes what a region
 *       holds. The region is cleared here at once and again when the transaction ends, and every other node clears it
 *       when the transaction commits ({@code NOTIFY}, which PostgreSQL delivers only on commit).
 * </ul>
 */
@org.springframework.modulith.NamedInterface("caching")
package sa.tenhal.platform.caching;
