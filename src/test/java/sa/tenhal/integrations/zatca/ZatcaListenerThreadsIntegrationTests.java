package sa.tenhal.integrations.zatca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.finance.IssuedDocuments;
import sa.tenhal.finance.Payments;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.integrations.outbound.Submissions.State;
import sa.tenhal.patients.PatientRegistry;

/**
 * A ZATCA that does not answer holds ZATCA's own listener threads, not the ones every other durable listener shares:
 * while its calls wait, the rest of what issuing an invoice sets off is done, and the documents are reported once
 * ZATCA answers.
 */
@TenhalIntegrationTest
class ZatcaListenerThreadsIntegrationTests {

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    Payments payments;

    @Autowired
    ZatcaSimulator simulator;

    @Autowired
    Onboarding onboarding;

    @Autowired
    Submissions submissions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    IssuedDocuments issued;

    @BeforeEach
    void setUp() {
        simulator.reset();
        issued = new IssuedDocuments(catalog, patients, invoicing, payments);
        onboarding.onboardOnSimulator(issued.centre());
    }

    @AfterEach
    void tearDown() {
        simulator.reset();
    }

    @Test
    void aZatcaThatDoesNotAnswerHoldsOnlyItsOwnThreads() {
        simulator.hold();
        // more documents than the shared pool has threads (the node's cores + 1): on that pool their calls took them
        // all
        int count = Runtime.getRuntime().availableProcessors() + 2;
        List<InvoiceView> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(issued.resident());
        }

        // two calls wait for ZATCA, on ZATCA's threads; the other documents wait their turn, stored
        await().until(() -> simulator.waitingThreads().size() == 2);
        assertThat(simulator.waitingThreads()).allMatch(thread -> thread.startsWith("zatca-listener-"));
        // everything else the documents set off is done meanwhile: the patients' e-mails, NPHIES's look (nothing to
        // claim from a patient), and the rest
        await().until(() -> othersOutstanding(documents) == 0);
        assertThat(zatcaOutstanding(documents)).isEqualTo(count);
        assertThat(simulator.waitingThreads()).hasSize(2);
        // the shared pool is still Spring Boot's application task executor: the partners' pools did not replace it
        assertThat(context.containsBean("applicationTaskExecutor")).isTrue();

        simulator.release();
        await().until(() -> zatcaOutstanding(documents) == 0);
        for (InvoiceView document : documents) {
            assertThat(submissions
                            .find(ZatcaSeal.PARTNER, document.id().value())
                            .map(Submissions.Submission::state))
                    .contains(State.ACCEPTED);
        }
        assertThat(simulator.received())
                .filteredOn(r -> documents.stream()
                        .anyMatch(d -> d.id().value().toString().equals(r.uuid())))
                .hasSize(count);
    }

    private long zatcaOutstanding(List<InvoiceView> documents) {
        return outstanding(documents, true);
    }

    private long othersOutstanding(List<InvoiceView> documents) {
        return outstanding(documents, false);
    }

    /** Publications of the documents' events not yet completed (completed ones are deleted), ZATCA's or the others. */
    private long outstanding(List<InvoiceView> documents, boolean zatca) {
        long n = 0;
        for (InvoiceView document : documents) {
            n += jdbc.sql("""
                            select count(*) from event_publication
                            where serialized_event like :id and (listener_id like :zatca) = :isZatca
                            """)
                    .param("id", "%" + document.id().value() + "%")
                    .param("zatca", ZatcaListener.class.getName() + "%")
                    .param("isZatca", zatca)
                    .query(Long.class)
                    .single();
        }
        return n;
    }
}
