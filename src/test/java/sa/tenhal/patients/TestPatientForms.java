package sa.tenhal.patients;

/** Patient forms for tests in other packages. */
public final class TestPatientForms {

    private TestPatientForms() {}

    public static PatientForm adult() {
        return TestPatients.adult();
    }

    public static PatientForm child() {
        return TestPatients.child();
    }
}
