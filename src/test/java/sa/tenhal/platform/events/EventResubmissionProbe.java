package sa.tenhal.platform.events;

/** Lets tests run the resubmission job's work at a moment of their choosing. */
public class EventResubmissionProbe {

    private final EventResubmission resubmission;

    public EventResubmissionProbe(org.springframework.context.ApplicationContext context) {
        this.resubmission = context.getBean(EventResubmission.class);
    }

    public void run() {
        resubmission.run();
    }
}
