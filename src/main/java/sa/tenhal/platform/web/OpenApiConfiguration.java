package sa.tenhal.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tenhalApi() {
        return new OpenAPI()
                .info(new Info().title("Tenhal API").version("v1").description("""
                                Multidisciplinary clinic platform. Send `Authorization: Bearer <token>` (an admin issues \
                                tokens). Errors are RFC 9457 problem details. Updates need `If-Match` with the ETag; \
                                creating requests accept `Idempotency-Key`. Lists take `page`, `size` (max 100) and \
                                `sort=property,asc|desc`."""))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("an API token: tnh_…")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
