package sa.tenhal.integrations.zatca.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.integrations.zatca.Inspection;
import sa.tenhal.integrations.zatca.Inspector;
import sa.tenhal.integrations.zatca.Ubl;
import sa.tenhal.platform.MalformedRequestException;

@RestController
@RequestMapping("/api/v1/zatca")
@Tag(name = "ZATCA", description = "E-invoicing phase 2: the inspector, the EGS unit, submissions")
class ZatcaInspectorController {

    /** The body ZATCA's own APIs take: {@code invoice} is base64 of the XML bytes; the other fields are ignored. */
    record Submitted(String invoice, String invoiceHash, String uuid) {}

    @PostMapping(
            path = "/inspect",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/*+xml"})
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Operation(
            summary = "Inspect a UBL 2.1 document: hash, stamp, certificate, QR",
            description = "Answers with its type, number, UUID, ICV and PIH, the hash it computes and the one embedded,"
                    + " whether the signature verifies against the embedded certificate, the certificate's subject,"
                    + " issuer and serial, and each QR tag decoded and compared with the document. The exact bytes"
                    + " count: send the document as it was signed. Bad XML is a 400 naming what is wrong.")
    Inspection inspect(@RequestBody byte[] xml) {
        return read(xml);
    }

    @PostMapping(path = "/inspect", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE')")
    @Operation(summary = "Inspect a document sent as ZATCA's APIs take it: {\"invoice\": base64 of the XML}")
    Inspection inspectJson(@RequestBody Submitted submitted) {
        if (submitted == null
                || submitted.invoice() == null
                || submitted.invoice().isBlank()) {
            throw new MalformedRequestException("invoice", "must be base64 of the XML document");
        }
        byte[] xml;
        try {
            xml = Base64.getDecoder().decode(submitted.invoice().replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("invoice", "is not base64: " + e.getMessage());
        }
        return read(xml);
    }

    private static Inspection read(byte[] xml) {
        try {
            return Inspector.inspect(xml);
        } catch (Ubl.NotUbl e) {
            throw new MalformedRequestException("document", e.getMessage());
        }
    }
}
