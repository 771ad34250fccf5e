package sa.tenhal.integrations.zatca;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.finance.InvoiceIssued;

/** A document issued and sealed is sent to ZATCA at once: reported (simplified) or cleared (standard). */
@Component
class ZatcaListener {

    private final ZatcaSubmitting submitting;

    ZatcaListener(ZatcaSubmitting submitting) {
        this.submitting = submitting;
    }

    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        submitting.submit(issued.invoice().value());
    }
}
