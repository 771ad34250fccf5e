package sa.tenhal.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Marks a bean that loads demonstration data. It exists only on the embedded default (no {@code TENHAL_DB_URL}) and
 * unless {@code tenhal.demo.enabled=false}: demo data never reaches a configured server.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("${tenhal.demo.enabled:true} and '${tenhal.database.url:}'.isBlank()")
public @interface DemoData {}
