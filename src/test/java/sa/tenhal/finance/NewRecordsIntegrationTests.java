package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.tenhal.HibernateStatements;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.patients.PatientRegistry;

/**
 * A new record is inserted as it is, not first looked for by its id (which Tenhal assigns: see
 * {@link sa.tenhal.platform.StoredRecord}).
 */
@TenhalIntegrationTest
class NewRecordsIntegrationTests {

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    FinanceFixtures f;

    @BeforeEach
    void centre() {
        f = new FinanceFixtures(catalog, patients);
    }

    @Test
    void aNewChildAndTheirGuardianAreInsertedWithoutBeingLookedForFirst() {
        List<String> sql = HibernateStatements.during(
                () -> patients.register(sa.tenhal.patients.TestPatientForms.child(), true, f.centre));
        assertThat(sql)
                .anyMatch(s -> s.startsWith("insert into patient "))
                .anyMatch(s -> s.startsWith("insert into patient_guardian "));
        assertThat(sql).noneMatch(s -> lookedForById(s, "patient") || lookedForById(s, "patient_guardian"));
    }

    @Test
    void aNewInvoiceAndItsLinesAreInsertedWithoutBeingLookedForFirst() {
        CompletedVisit visit = f.visit(f.resident(), f.speech);
        List<String> sql = HibernateStatements.during(() -> invoicing.generateFor(visit));
        assertThat(sql)
                .anyMatch(s -> s.startsWith("insert into invoice "))
                .anyMatch(s -> s.startsWith("insert into invoice_line "));
        assertThat(sql).noneMatch(s -> lookedForById(s, "invoice") || lookedForById(s, "invoice_line"));
    }

    /** A select of one row of {@code table} by its primary key, as Hibernate writes it ({@code ... where i1_0.id=?}). */
    static boolean lookedForById(String sql, String table) {
        return sql.matches("select .* from " + table + " \\w+ where \\w+\\.id=\\?");
    }
}
