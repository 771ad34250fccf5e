/**
 * Small value types that several modules speak in, with validation and no business rules: phone numbers, Saudi
 * identity numbers, centre codes, the two languages.
 *
 * <p>Publishes nothing; listens to nothing; depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared",
        allowedDependencies = {})
package sa.tenhal.shared;
