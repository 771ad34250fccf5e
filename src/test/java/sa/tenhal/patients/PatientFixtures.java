package sa.tenhal.patients;

/** Patients for other modules' tests: registered with an identity number and mobile no other test uses. */
public final class PatientFixtures {

    private PatientFixtures() {}

    public static PatientId register(PatientRegistry registry) {
        return registry.register(TestPatients.adult(), true, "RYD").id();
    }

    public static PatientId registerChild(PatientRegistry registry) {
        return registry.register(TestPatients.child(), true, "RYD").id();
    }
}
