/**
 * What the centre offers and who offers it: centres, clinics (one per discipline), providers (the doctors and
 * therapists, each linked to a staff user), rooms, and services (the appointment types, with duration, buffer,
 * price and VAT category).
 *
 * <ul>
 *   <li>API: {@link sa.tenhal.clinics.ClinicCatalog} (reads, for every module),
 *       {@link sa.tenhal.clinics.CatalogAdministration} (create, change, deactivate: ADMIN and MANAGER).
 *   <li>Nothing is deleted: deactivated entries stay, because appointments and invoices name them.
 *   <li>Publishes nothing; listens to nothing.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Clinics",
        allowedDependencies = {"identity", "platform", "platform :: caching", "platform :: validation", "shared"})
package sa.tenhal.clinics;
