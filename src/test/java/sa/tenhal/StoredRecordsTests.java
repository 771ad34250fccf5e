package sa.tenhal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.repository.Repository;
import org.springframework.util.ClassUtils;
import sa.tenhal.platform.StoredRecord;

/**
 * Every record stored through a repository with an id Tenhal assigns is a {@link StoredRecord}: otherwise Spring Data
 * takes a new one for a stored one and merges it (a select before the insert, one more per row it cascades to).
 */
class StoredRecordsTests {

    @Test
    void everyRecordWithAnAssignedIdKnowsWhetherItIsStored() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
        List<Class<?>> records = scanner.findCandidateComponents("sa.tenhal").stream()
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
                .<Class<?>>map(repository -> ResolvableType.forClass(repository)
                        .as(Repository.class)
                        .getGeneric(0)
                        .resolve())
                .distinct()
                .toList();
        assertThat(records).hasSizeGreaterThan(20);
        List<Class<?>> assigned =
                records.stream().filter(StoredRecordsTests::idIsAssigned).toList();
        assertThat(assigned).isNotEmpty().allMatch(StoredRecord.class::isAssignableFrom);
    }

    private static boolean idIsAssigned(Class<?> record) {
        for (Class<?> c = record; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(Id.class)) {
                    return !field.isAnnotationPresent(GeneratedValue.class);
                }
            }
        }
        return false;
    }
}
