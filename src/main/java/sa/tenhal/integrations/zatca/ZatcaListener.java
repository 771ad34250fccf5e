package sa.tenhal.integrations.zatca;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import sa.tenhal.finance.InvoiceIssued;
import sa.tenhal.integrations.outbound.PartnerListeners;

/**
 * A document issued and sealed is sent to ZATCA at once: reported (simplified) or cleared (standard). On ZATCA's own
 * listener threads ({@link PartnerListeners}): a ZATCA that does not answer holds up no other listener.
 */
@Component
class ZatcaListener {

    private final ZatcaSubmitting submitting;

    ZatcaListener(ZatcaSubmitting submitting) {
        this.submitting = submitting;
    }

    @Async(PartnerListeners.ZATCA)
    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        submitting.submitIssued(issued.invoice().value());
    }
}
