package sa.tenhal.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.InvalidFieldsException;

/** The rules of a visit's note: its shape per discipline, signing once with something written, addenda after. */
class VisitRecordTests {

    static final Instant NOW = Instant.parse("2026-12-06T07:00:00Z");
    static final UUID CLINICIAN = UUID.randomUUID();

    static VisitRecord open(Discipline discipline) {
        VisitRecord record = VisitRecord.open(
                UUID.randomUUID(),
                new PatientId(UUID.randomUUID()),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                discipline,
                NOW,
                NoteTemplates.noteForTemplate(NoteTemplates.shipped(discipline)),
                CLINICIAN,
                NOW);
        record.drainEvents();
        return record;
    }

    static NoteContent soap(String assessment) {
        return new NoteContent(
                "Follow-up", "Sleeps badly", "Alert, afebrile", assessment, "Review in 4 weeks", List.of(), null, null);
    }

    static NoteContent session() {
        return new NoteContent(
                "Weekly session",
                null,
                null,
                null,
                null,
                List.of(new NoteContent.Goal("Produce /s/ in initial position", "8 of 10 with a model")),
                "Picture cards, mirror work",
                "Practise /s/ words 5 minutes a day");
    }

    @Test
    void medicalAndNursingWriteSoapTheTherapiesASessionNote() {
        assertThat(NoteKind.of(Discipline.MEDICAL)).isEqualTo(NoteKind.SOAP);
        assertThat(NoteKind.of(Discipline.NURSING)).isEqualTo(NoteKind.SOAP);
        for (Discipline therapy : List.of(
                Discipline.SPEECH_LANGUAGE, Discipline.OCCUPATIONAL_THERAPY, Discipline.ABA, Discipline.PSYCHOLOGY)) {
            assertThat(NoteKind.of(therapy)).as(therapy.name()).isEqualTo(NoteKind.SESSION);
        }
    }

    @Test
    void aNewNoteStartsFromItsDisciplinesTemplate() {
        VisitRecord speech = open(Discipline.SPEECH_LANGUAGE);
        assertThat(speech.note.goals()).extracting(NoteContent.Goal::goal).contains("Articulation");
        assertThat(speech.note.homeProgramme()).startsWith("Practise at home");
        VisitRecord medical = open(Discipline.MEDICAL);
        assertThat(medical.note.subjective()).startsWith("Presenting complaint");
        assertThat(medical.note.goals()).isEmpty();
    }

    @Test
    void aFieldThatDoesNotBelongToTheNotesKindIsRefusedByName() {
        VisitRecord speech = open(Discipline.SPEECH_LANGUAGE);
        assertThatThrownBy(() -> speech.write(soap("Articulation delay"), NOW))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(p -> p.field())
                        .containsExactly("subjective", "objective", "assessment", "plan"));
        VisitRecord medical = open(Discipline.MEDICAL);
        assertThatThrownBy(() -> medical.write(session(), NOW))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(p -> p.field())
                        .containsExactly("goals", "activities", "homeProgramme"));
    }

    @Test
    void writingRecordsWhichFieldsChanged() {
        VisitRecord speech = open(Discipline.SPEECH_LANGUAGE);
        speech.write(session(), NOW);
        assertThat(speech.drainEvents()).singleElement().isInstanceOfSatisfying(VisitNoteWritten.class, e -> assertThat(
                        e.fields())
                .contains("reason", "goals", "activities", "homeProgramme"));
    }

    @Test
    void anEmptyNoteCannotBeSigned() {
        VisitRecord medical = open(Discipline.MEDICAL);
        medical.write(new NoteContent("Check-up", null, null, null, null, List.of(), null, null), NOW);
        assertThatThrownBy(() -> medical.sign(CLINICIAN, "Dr Huda", NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("note"));
        assertThat(medical.signed()).isFalse();
    }

    @Test
    void aSignedNoteIsLockedAndSignedOnce() {
        VisitRecord speech = open(Discipline.SPEECH_LANGUAGE);
        speech.write(session(), NOW);
        speech.drainEvents();
        speech.sign(CLINICIAN, "Sara Speech", NOW.plusSeconds(60));
        assertThat(speech.signed()).isTrue();
        assertThat(speech.signedBy).isEqualTo(CLINICIAN);
        assertThat(speech.drainEvents()).singleElement().isInstanceOf(VisitNoteSigned.class);

        assertThatThrownBy(() -> speech.write(session(), NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.type()).endsWith("note-signed"));
        assertThatThrownBy(() -> speech.sign(CLINICIAN, "Sara Speech", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void laterChangesAreAddendaWithWhoAndWhenOnlyAfterSigning() {
        VisitRecord speech = open(Discipline.SPEECH_LANGUAGE);
        speech.write(session(), NOW);
        assertThatThrownBy(() -> speech.addendum("Mother called", CLINICIAN, "Sara", NOW))
                .isInstanceOf(ConflictException.class);
        speech.sign(CLINICIAN, "Sara Speech", NOW);
        speech.drainEvents();

        assertThatThrownBy(() -> speech.addendum("  ", CLINICIAN, "Sara", NOW))
                .isInstanceOfSatisfying(
                        InvalidFieldsException.class,
                        e -> assertThat(e.errors()).extracting(p -> p.field()).containsExactly("text"));
        var addendum =
                speech.addendum("Mother called: practised daily", CLINICIAN, "Sara Speech", NOW.plusSeconds(3600));
        assertThat(addendum.writtenBy()).isEqualTo(CLINICIAN);
        assertThat(addendum.writtenAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(speech.addenda).containsExactly(addendum);
        assertThat(speech.note).isEqualTo(session());
        assertThat(speech.drainEvents()).singleElement().isInstanceOf(AddendumAdded.class);
    }

    @Test
    void ordersMoveOneStepAtATime() {
        assertThat(OrderStatus.ORDERED.next()).isEqualTo(OrderStatus.SENT);
        assertThat(OrderStatus.SENT.next()).isEqualTo(OrderStatus.RESULTED);
        assertThat(OrderStatus.RESULTED.next()).isEqualTo(OrderStatus.REVIEWED);
        assertThat(OrderStatus.REVIEWED.next()).isNull();
    }
}
