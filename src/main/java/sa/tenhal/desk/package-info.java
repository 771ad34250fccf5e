/**
 * The staff web application: server-rendered pages (Thymeleaf) in Arabic and English for the people who work in
 * Tenhal all day. It reads and acts only through the other modules' APIs.
 *
 * <p>Publishes nothing; listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Desk (staff pages)",
        allowedDependencies = {
            "identity",
            "clinics",
            "patients",
            "appointments",
            "finance",
            "referrals",
            "visits",
            "platform",
            "shared"
        })
package sa.tenhal.desk;
