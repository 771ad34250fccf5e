/**
 * Bean Validation constraints for the value types of {@code shared}, so that request records validate at the edge and
 * answer 422 naming the field: {@link sa.tenhal.platform.validation.Phone}, {@link sa.tenhal.platform.validation.Mobile},
 * {@link sa.tenhal.platform.validation.SaudiId}, {@link sa.tenhal.platform.validation.Money}.
 */
@org.springframework.modulith.NamedInterface("validation")
package sa.tenhal.platform.validation;
