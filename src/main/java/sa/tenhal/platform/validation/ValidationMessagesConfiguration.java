package sa.tenhal.platform.validation;

import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.validation.beanvalidation.MessageSourceResourceBundleLocator;

/**
 * Validation messages from the application's messages (so {@code ValidationMessages_ar} overrides the validator's
 * own wording), each naming its field in the user's language (see {@link FieldNamingInterpolator}).
 */
@Configuration(proxyBeanMethods = false)
class ValidationMessagesConfiguration {

    @Bean
    static BeanPostProcessor fieldNamingValidator(@Lazy MessageSource messages) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof LocalValidatorFactoryBean factory) {
                    factory.setConfigurationInitializer(
                            configuration -> configuration.messageInterpolator(new FieldNamingInterpolator(
                                    new ResourceBundleMessageInterpolator(
                                            new MessageSourceResourceBundleLocator(messages)),
                                    messages)));
                }
                return bean;
            }
        };
    }
}
