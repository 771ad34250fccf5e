package sa.tenhal.finance;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentRecords extends JpaRepository<Payment, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lock(UUID id);

    /** A patient's payments with credit left, oldest first, locked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.patientId = :patient and p.payer = sa.tenhal.finance.Payer.PATIENT"
            + " and p.amount > p.allocated + p.refunded order by p.receivedAt, p.id")
    List<Payment> lockWithCredit(UUID patient);

    @Query("select coalesce(sum(p.amount - p.allocated - p.refunded), 0) from Payment p"
            + " where p.patientId = :patient and p.payer = sa.tenhal.finance.Payer.PATIENT")
    BigDecimal creditOf(UUID patient);

    List<Payment> findByPatientIdOrderByReceivedAtDescIdDesc(UUID patient);
}

interface Allocations extends JpaRepository<Allocation, UUID> {

    List<Allocation> findByPaymentIdOrderByAllocatedAtAscIdAsc(UUID payment);

    List<Allocation> findByInvoiceIdOrderByAllocatedAtAscIdAsc(UUID invoice);
}

interface Refunds extends JpaRepository<Refund, UUID> {

    List<Refund> findByPaymentId(UUID payment);
}

/**
 * Names this file. Without a type of the file's name javac writes no {@code PaymentRepositories.class}, and Maven then takes the file
 * for changed on every build and compiles every source again (SourceFilesTests).
 */
final class PaymentRepositories {
    private PaymentRepositories() {}
}
