/**
 * Technical infrastructure that every business module stands on, and nothing of the business itself.
 *
 * <ul>
 *   <li>Database: PostgreSQL from {@code TENHAL_DB_URL}, or an embedded PostgreSQL whose data lives under {@code ./data}.
 *   <li>Web conventions: RFC 9457 problem details for every API error ({@link sa.tenhal.platform.ProblemException}
 *       and its kinds), optimistic concurrency with {@code If-Match} ({@link sa.tenhal.platform.Versions}),
 *       {@code Idempotency-Key} replay for creating requests, paging.
 *   <li>Time: one injected {@link java.time.Clock} and the clinic-local {@link sa.tenhal.platform.ClinicTime}.
 *   <li>Identifiers: time-ordered UUIDs ({@link sa.tenhal.platform.Ids}).
 *   <li>The audit contract: events that implement {@link sa.tenhal.platform.AuditableEvent} are written to the audit
 *       trail in the publishing transaction, so no module depends on {@code audit}.
 * </ul>
 *
 * <p>Publishes nothing; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {"shared"})
package sa.tenhal.platform;
