package sa.tenhal.patients;

/** How a patient is identified: Saudi national ID (citizens), iqama (residents), or a passport (visitors). */
public enum IdentityDocumentType {
    NATIONAL_ID,
    IQAMA,
    PASSPORT
}
