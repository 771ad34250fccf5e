/**
 * The audit trail: who did what to which record, when, from where. Every change of patients, files, consents and
 * staff users, every read of patient data (one record, or a list naming every patient it returned), and every
 * sign-in.
 *
 * <ul>
 *   <li>Listens to every {@link sa.tenhal.platform.AuditableEvent}, synchronously in the publishing transaction: the
 *       entry and the change commit together or not at all. Also listens to Spring Security's sign-in events.
 *   <li>Entries cannot be changed or deleted: the application only inserts, and a database trigger refuses
 *       {@code UPDATE}, {@code DELETE} and {@code TRUNCATE}.
 *   <li>API: admins query the log by patient, user, record, action and time ({@code /api/v1/audit}).
 *   <li>User activity monitoring: the {@code monitor-patient-access} job tells admins about staff who read unusually
 *       many patients in an hour ({@link sa.tenhal.platform.UnusualPatientAccess}).
 *   <li>Publishes only that alert. No module depends on this one.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"platform", "platform :: jobs"})
package sa.tenhal.audit;
