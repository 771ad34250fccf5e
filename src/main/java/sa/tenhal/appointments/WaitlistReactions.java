package sa.tenhal.appointments;

import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;

/**
 * What drives the waitlist: a freed slot is offered (after the freeing transaction commits, durably), and a lapsed
 * offer passes to the next patient (a one-time job per offer, at its expiry). The waitlist is reached lazily, because
 * the job engine needs its handlers before the {@code Jobs} the waitlist uses exist.
 */
@Component
class WaitlistReactions implements OneTimeJobHandler<Void> {

    private final ObjectProvider<Waitlist> waitlist;

    WaitlistReactions(ObjectProvider<Waitlist> waitlist) {
        this.waitlist = waitlist;
    }

    @ApplicationModuleListener
    void on(SlotFreed freed) {
        waitlist.getObject().offer(freed);
    }

    @Override
    public OneTimeJob<Void> job() {
        return Waitlist.EXPIRY;
    }

    @Override
    public void run(String instanceId, Void data) {
        waitlist.getObject().expire(UUID.fromString(instanceId));
    }
}
