/**
 * Documents people print or keep: PDFs rendered from Thymeleaf templates ({@code templates/documents/}) with fonts that
 * cover Arabic and Latin, Arabic letters shaped and mixed-direction text ordered by ICU; QR codes.
 */
@org.springframework.modulith.NamedInterface("documents")
package sa.tenhal.platform.documents;
