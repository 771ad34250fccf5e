package sa.tenhal.integrations.results;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import sa.tenhal.integrations.outbound.PartnerListeners;
import sa.tenhal.visits.OrderPlaced;

/**
 * An order placed in a visit goes to the lab or imaging centre configured for its kind, at once. On the centres' own
 * listener threads ({@link PartnerListeners}): a centre that does not answer holds up no other listener.
 */
@Component
class OrderListener {

    private final OrderSending sending;

    OrderListener(OrderSending sending) {
        this.sending = sending;
    }

    @Async(PartnerListeners.RESULTS)
    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        sending.placed(placed.orderId(), placed.kind());
    }
}
