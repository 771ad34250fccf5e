package sa.tenhal.finance;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, UUID> {

    @Query(
            "select i from Invoice i where i.appointmentId = :appointment and i.kind = sa.tenhal.finance.DocumentKind.INVOICE")
    List<Invoice> findByAppointment(UUID appointment);

    Optional<Invoice> findByNumberIgnoreCase(String number);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lock(UUID id);

    /** Locked in id order, so that two transactions locking overlapping sets cannot deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id in :ids order by i.id")
    List<Invoice> lockAll(Collection<UUID> ids);

    /** A patient's open documents, oldest first (the default allocation order), locked in that order. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select i from Invoice i where i.patientId = :patient and i.payer = sa.tenhal.finance.Payer.PATIENT
              and i.kind <> sa.tenhal.finance.DocumentKind.CREDIT_NOTE
              and i.status in (sa.tenhal.finance.InvoiceStatus.ISSUED, sa.tenhal.finance.InvoiceStatus.PARTIALLY_PAID,
                               sa.tenhal.finance.InvoiceStatus.OVERDUE)
            order by i.issueDate, i.issuedAt, i.id""")
    List<Invoice> lockOpenOfPatient(UUID patient);

    @Query("""
            select i.id from Invoice i
            where i.kind <> sa.tenhal.finance.DocumentKind.CREDIT_NOTE and i.dueDate < :today
              and i.status in (sa.tenhal.finance.InvoiceStatus.ISSUED, sa.tenhal.finance.InvoiceStatus.PARTIALLY_PAID,
                               sa.tenhal.finance.InvoiceStatus.OVERDUE)""")
    List<UUID> pastDue(LocalDate today);

    @Query("""
            select i from Invoice i
            where (:patient is null or i.patientId = :patient)
              and (:status is null or i.status = :status)
              and (:kind is null or i.kind = :kind)""")
    Page<Invoice> search(UUID patient, InvoiceStatus status, DocumentKind kind, Pageable page);

    List<Invoice> findByOriginalInvoiceIdOrderByCreatedAtAscIdAsc(UUID original);

    Page<Invoice> findByIdIn(Collection<UUID> ids, Pageable page);
}
