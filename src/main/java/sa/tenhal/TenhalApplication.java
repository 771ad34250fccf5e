package sa.tenhal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tenhal, a multidisciplinary outpatient clinic platform.
 *
 * <p>Each direct sub-package is an application module (Spring Modulith); see {@code docs/architecture.md}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TenhalApplication {

    public static void main(String[] args) {
        SpringApplication.run(TenhalApplication.class, args);
    }
}
