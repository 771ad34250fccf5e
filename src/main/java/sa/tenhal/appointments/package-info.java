/**
 * The clinic day (seed 004: AppointmentService, ScheduleService, the appointment signals and tasks): providers' weekly
 * working hours, time off and centre closures; available slots; conflict-free booking and the appointment lifecycle
 * {@code BOOKED → CONFIRMED → ARRIVED → IN_PROGRESS → COMPLETED} (or {@code CANCELLED}, {@code NO_SHOW}); visit
 * itineraries; calendar data.
 *
 * <ul>
 *   <li>API: {@link sa.tenhal.appointments.Scheduling} (book, confirm, reschedule, cancel, check in, start, complete,
 *       no-show; reads), {@link sa.tenhal.appointments.Schedules} (working hours, time off, closures),
 *       {@link sa.tenhal.appointments.Availability} (conflicts and free slots).
 *   <li>No overlapping active appointments for a provider, a room or a patient: PostgreSQL exclusion constraints
 *       guarantee it; the code checks first so that a refusal lists every conflict.
 *   <li>Publishes {@link sa.tenhal.appointments.AppointmentBooked}, {@link sa.tenhal.appointments.AppointmentConfirmed},
 *       {@link sa.tenhal.appointments.AppointmentRescheduled}, {@link sa.tenhal.appointments.AppointmentCancelled},
 *       {@link sa.tenhal.appointments.AppointmentArrived}, {@link sa.tenhal.appointments.AppointmentStarted},
 *       {@link sa.tenhal.appointments.AppointmentCompleted}, {@link sa.tenhal.appointments.AppointmentMarkedNoShow}:
 *       ids and times, never patient data.
 *   <li>Listens to {@code PatientsMerged} (appointments follow the survivor); before a merge, lists the two records'
 *       overlapping visits ({@code patients.MergeObstacles}) so that the merge waits for a decision.
 *   <li>Contributes the {@code appointments} section of the patient summary and the patient's care team (the
 *       providers who see the patient).
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Appointments",
        allowedDependencies = {
            "clinics",
            "patients",
            "identity",
            "platform",
            "platform :: caching",
            "platform :: jobs",
            "platform :: documents",
            "platform :: validation",
            "shared"
        })
package sa.tenhal.appointments;
