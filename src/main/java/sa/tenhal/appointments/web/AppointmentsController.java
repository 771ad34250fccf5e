package sa.tenhal.appointments.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.Booking;
import sa.tenhal.appointments.Calendar;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.PatientReads;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Appointments")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
class AppointmentsController {

    private static final Map<String, String> SORTS = Map.of("startsAt", "startsAt", "status", "status");

    private final Scheduling scheduling;
    private final Calendar calendar;
    private final PatientReads reads;

    AppointmentsController(Scheduling scheduling, Calendar calendar, PatientReads reads) {
        this.scheduling = scheduling;
        this.calendar = calendar;
        this.reads = reads;
    }

    /** A booking as clients send it. */
    record BookingRequest(
            @NotNull UUID patientId,
            @NotNull UUID serviceId,
            @NotNull UUID providerId,
            UUID roomId,
            @NotNull Instant startsAt,
            @Size(max = 500) String notes,
            @Size(max = 300) String overrideReason) {

        Booking booking() {
            return booking(patientId);
        }

        Booking booking(UUID patient) {
            return new Booking(
                    patient == null ? null : new PatientId(patient),
                    new ServiceId(serviceId),
                    new ProviderId(providerId),
                    roomId == null ? null : new RoomId(roomId),
                    startsAt,
                    notes,
                    overrideReason);
        }
    }

    record ItineraryItem(
            @NotNull UUID serviceId,
            @NotNull UUID providerId,
            UUID roomId,
            @NotNull Instant startsAt,
            @Size(max = 500) String notes,
            @Size(max = 300) String overrideReason) {}

    record ItineraryRequest(
            @NotNull UUID patientId,
            @NotNull @Size(min = 1, max = 10) List<@Valid ItineraryItem> items) {}

    record ConfirmRequest(@NotNull ConfirmationMethod method) {}

    record CancelRequest(@NotNull @Size(min = 1, max = 300) String reason) {}

    record RescheduleRequest(
            @NotNull Instant startsAt,
            UUID providerId,
            UUID roomId,
            @Size(max = 300) String reason,
            @Size(max = 300) String overrideReason) {}

    @PostMapping("/appointments")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
    @Operation(
            summary = "Book an appointment",
            description = "409 slot-taken lists every clash (provider, room, patient); 422 outside-working-hours"
                    + " lists the rules broken (MANAGER/ADMIN may override with overrideReason). Send an"
                    + " Idempotency-Key header to make a repeated request book once.")
    ResponseEntity<AppointmentDetails> book(@Valid @RequestBody BookingRequest request) {
        AppointmentDetails booked = scheduling.book(request.booking());
        return ResponseEntity.created(URI.create("/api/v1/appointments/" + booked.id()))
                .body(booked);
    }

    @PostMapping("/appointments/check")
    @Operation(summary = "check_conflicts: the rules a booking would break and the appointments it would overlap")
    Scheduling.Check check(@Valid @RequestBody BookingRequest request) {
        return scheduling.check(request.booking());
    }

    @PostMapping("/itineraries")
    @Operation(summary = "Book a visit itinerary: several appointments of one patient, all or none")
    ResponseEntity<List<AppointmentDetails>> itinerary(@Valid @RequestBody ItineraryRequest request) {
        List<Booking> items = request.items().stream()
                .map(i -> new Booking(
                        null,
                        new ServiceId(i.serviceId()),
                        new ProviderId(i.providerId()),
                        i.roomId() == null ? null : new RoomId(i.roomId()),
                        i.startsAt(),
                        i.notes(),
                        i.overrideReason()))
                .toList();
        List<AppointmentDetails> booked = scheduling.bookItinerary(new PatientId(request.patientId()), items);
        return ResponseEntity.status(201).body(booked);
    }

    @GetMapping("/appointments/{id}")
    AppointmentDetails get(@PathVariable UUID id) {
        return scheduling.view(new AppointmentId(id));
    }

    @GetMapping("/appointments")
    @Operation(summary = "Appointments overlapping [from, to), by patient, provider, clinic, room, status")
    PagedModel<AppointmentDetails> list(
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) UUID providerId,
            @RequestParam(required = false) UUID clinicId,
            @RequestParam(required = false) UUID roomId,
            @RequestParam(required = false) AppointmentStatus status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @ParameterObject Pageable pageable) {
        Pageable page = Paging.sortableBy(pageable, SORTS, Sort.by("startsAt"));
        var found = calendar.list(
                patientId == null ? null : new PatientId(patientId),
                providerId == null ? null : new ProviderId(providerId),
                clinicId == null ? null : new ClinicId(clinicId),
                roomId == null ? null : new RoomId(roomId),
                status,
                from,
                to,
                page);
        reads.listed(
                "Appointment",
                "api:appointments",
                found.getContent().stream()
                        .map(AppointmentDetails::patientId)
                        .filter(java.util.Objects::nonNull)
                        .map(PatientId::value)
                        .toList());
        return new PagedModel<>(found);
    }

    @GetMapping("/appointments/{id}/moves")
    @Operation(summary = "The appointment's reschedules, with the times it had before")
    Object moves(@PathVariable UUID id) {
        return scheduling.moves(new AppointmentId(id));
    }

    @PostMapping("/appointments/{id}/confirm")
    @Operation(summary = "Confirm (by method); schedules the 24 h and 2 h reminders")
    AppointmentDetails confirm(@PathVariable UUID id, @Valid @RequestBody ConfirmRequest request) {
        return scheduling.confirm(new AppointmentId(id), request.method());
    }

    @PostMapping("/appointments/{id}/reschedule")
    @Operation(summary = "Move to a new time (conflict-checked); the old time is recorded, reminders move")
    AppointmentDetails reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleRequest request) {
        return scheduling.reschedule(
                new AppointmentId(id),
                request.startsAt(),
                request.providerId() == null ? null : new ProviderId(request.providerId()),
                request.roomId() == null ? null : new RoomId(request.roomId()),
                request.reason(),
                request.overrideReason());
    }

    @PostMapping("/appointments/{id}/cancel")
    @Operation(summary = "Cancel with a reason; late when under 24 h before the start")
    AppointmentDetails cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request) {
        return scheduling.cancel(new AppointmentId(id), request.reason());
    }

    @PostMapping("/appointments/{id}/arrive")
    @Operation(summary = "Check in (ARRIVED)")
    AppointmentDetails arrive(@PathVariable UUID id) {
        return scheduling.arrive(new AppointmentId(id));
    }

    @PostMapping("/appointments/{id}/start")
    AppointmentDetails start(@PathVariable UUID id) {
        return scheduling.start(new AppointmentId(id));
    }

    @PostMapping("/appointments/{id}/complete")
    AppointmentDetails complete(@PathVariable UUID id) {
        return scheduling.complete(new AppointmentId(id));
    }

    @PostMapping("/appointments/{id}/no-show")
    @Operation(summary = "Mark as a no-show (only after the start)")
    AppointmentDetails noShow(@PathVariable UUID id) {
        return scheduling.markNoShow(new AppointmentId(id));
    }
}
