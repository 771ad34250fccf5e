package sa.tenhal.patients;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PatientFileRepository extends JpaRepository<PatientFile, UUID> {

    List<PatientFile> findByPatientIdOrderByOpenedAtDescIdDesc(UUID patientId);
}
