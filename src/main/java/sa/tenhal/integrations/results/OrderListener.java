package sa.tenhal.integrations.results;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.visits.OrderPlaced;

/** An order placed in a visit goes to the lab or imaging centre configured for its kind, at once. */
@Component
class OrderListener {

    private final OrderSending sending;

    OrderListener(OrderSending sending) {
        this.sending = sending;
    }

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        sending.placed(placed.orderId(), placed.kind());
    }
}
