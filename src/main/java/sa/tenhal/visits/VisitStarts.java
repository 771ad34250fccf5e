package sa.tenhal.visits;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentStarted;

/** A visit's record opens when its appointment starts (retried, never twice: one record per appointment). */
@Component
class VisitStarts {

    private final VisitRecords records;

    VisitStarts(VisitRecords records) {
        this.records = records;
    }

    @ApplicationModuleListener
    void on(AppointmentStarted started) {
        records.openForStarted(new AppointmentId(started.appointmentId()));
    }
}
