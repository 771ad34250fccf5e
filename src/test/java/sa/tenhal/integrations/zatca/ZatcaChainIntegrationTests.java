package sa.tenhal.integrations.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.TenhalApplication;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.IssuedDocuments;
import sa.tenhal.finance.Payments;
import sa.tenhal.patients.PatientRegistry;

/**
 * Two application instances (two Spring contexts, as two nodes) on one database issue 200 documents of one centre at
 * the same time: the unit's chain is ICV 1..200 with no gap, and each PIH is the previous document's hash.
 */
@TenhalIntegrationTest
class ZatcaChainIntegrationTests {

    static ConfigurableApplicationContext secondNode;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    Payments payments;

    @Autowired
    Onboarding onboarding;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSecondNode() {
        // as arguments: the builder's properties are defaults, below application.yml's server.port (8080), so the
        // second
        // node took 8080 and failed when anything else had it
        secondNode = new SpringApplicationBuilder(TenhalApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void twoHundredDocumentsFromTwoNodesMakeOneUnbrokenChain() throws Exception {
        IssuedDocuments issued = new IssuedDocuments(catalog, patients, invoicing, payments);
        onboarding.onboardOnSimulator(issued.centre());
        List<InvoiceView> drafts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            drafts.addAll(issued.drafts());
        }
        assertThat(drafts).hasSize(200);
        Invoicing other = secondNode.getBean(Invoicing.class);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<InvoiceView>> results = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            InvoiceView draft = drafts.get(i);
            Invoicing node = i % 2 == 0 ? invoicing : other;
            Callable<InvoiceView> issue = () -> node.issue(draft.id());
            results.add(pool.submit(issue));
        }
        for (Future<InvoiceView> result : results) {
            result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        record Link(long icv, String hash, String pih, String number) {}
        List<Link> chain = jdbc.sql("select d.icv, d.hash, d.pih, d.number from zatca_document d join zatca_unit u on"
                        + " u.id = d.unit_id where u.centre_code = :c order by d.icv")
                .param("c", issued.centre())
                .query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        assertThat(chain).hasSize(200);
        String previous = Ubl.FIRST_PIH;
        for (int i = 0; i < chain.size(); i++) {
            assertThat(chain.get(i).icv()).isEqualTo(i + 1);
            assertThat(chain.get(i).pih()).as("PIH of ICV " + (i + 1)).isEqualTo(previous);
            previous = chain.get(i).hash();
        }
        assertThat(jdbc.sql("select last_icv from zatca_unit where centre_code = :c")
                        .param("c", issued.centre())
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
    }

    @Test
    void theFirstDocumentsOfANewCentreIssuedAtOnceOnTwoNodesOnboardItOnce() throws Exception {
        IssuedDocuments issued = new IssuedDocuments(catalog, patients, invoicing, payments);
        List<InvoiceView> drafts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            drafts.addAll(issued.drafts());
        }
        Invoicing other = secondNode.getBean(Invoicing.class);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<InvoiceView>> results = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            InvoiceView draft = drafts.get(i);
            Invoicing node = i % 2 == 0 ? invoicing : other;
            results.add(pool.submit(() -> node.issue(draft.id())));
        }
        for (Future<InvoiceView> result : results) {
            result.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from zatca_unit where centre_code = :c")
                        .param("c", issued.centre())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select icv from zatca_document d join zatca_unit u on u.id = d.unit_id where"
                                + " u.centre_code = :c order by icv")
                        .param("c", issued.centre())
                        .query(Long.class)
                        .list())
                .containsExactly(1L, 2L, 3L, 4L);
    }
}
