package sa.tenhal.notifications;

/** A file that travels with an email: a PDF, a CSV. Kept with the message until it is sent (and in the outbox). */
record Attachment(String filename, String contentType, byte[] content) {

    Attachment {
        if (filename == null || filename.isBlank() || content == null) {
            throw new IllegalArgumentException("an attachment has a name and content");
        }
    }

    static Attachment pdf(String filename, byte[] content) {
        return new Attachment(filename, "application/pdf", content);
    }

    static Attachment csv(String filename, byte[] content) {
        return new Attachment(filename, "text/csv; charset=UTF-8", content);
    }
}
