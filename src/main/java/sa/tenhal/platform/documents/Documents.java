package sa.tenhal.platform.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import sa.tenhal.shared.Language;

/**
 * Renders documents: a Thymeleaf template under {@code templates/documents/} (well-formed XHTML) becomes a PDF with
 * Noto Sans and Noto Naskh Arabic embedded, Arabic shaped and right-to-left text ordered; QR codes as PNG.
 */
@Service
public class Documents {

    /** The font family names templates use in CSS. */
    public static final String FONT_LATIN = "Noto Sans";

    public static final String FONT_ARABIC = "Noto Naskh Arabic";

    private static final Map<String, String[]> FONTS = Map.of(
            FONT_LATIN, new String[] {"fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf"},
            FONT_ARABIC, new String[] {"fonts/NotoNaskhArabic-Regular.ttf", "fonts/NotoNaskhArabic-Bold.ttf"});

    private final ITemplateEngine templates;

    Documents(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The HTML of a document template, in the given language ({@code lang} and {@code rtl} are set for it). */
    public String html(String template, Map<String, Object> model, Language language) {
        Context context = new Context(language.locale(), model);
        context.setVariable("lang", language.name().toLowerCase());
        context.setVariable("rtl", language.rightToLeft());
        return templates.process("documents/" + template, context);
    }

    /** A PDF of a document template. */
    public byte[] pdf(String template, Map<String, Object> model, Language language) {
        String html = html(template, model, language);
        return pdfFromHtml(language.rightToLeft() ? mirrorTables(html) : html);
    }

    /**
     * The renderer lays table columns out left to right whatever the direction (openhtmltopdf #123), so an Arabic
     * document's rows are mirrored here: each row's cells in reverse order, which puts the first column on the right
     * as a reader of Arabic expects. A table marked {@code data-mirror="no"} keeps its order.
     */
    static String mirrorTables(String xhtml) {
        try {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setExpandEntityReferences(false);
            org.w3c.dom.Document document =
                    factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xhtml)));
            org.w3c.dom.NodeList rows = document.getElementsByTagName("tr");
            for (int i = 0; i < rows.getLength(); i++) {
                org.w3c.dom.Element row = (org.w3c.dom.Element) rows.item(i);
                if (keepsOrder(row)) {
                    continue;
                }
                java.util.List<org.w3c.dom.Node> cells = new java.util.ArrayList<>();
                for (org.w3c.dom.Node c = row.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                        cells.add(c);
                    }
                }
                cells.forEach(row::removeChild);
                for (int c = cells.size() - 1; c >= 0; c--) {
                    row.appendChild(cells.get(c));
                }
            }
            var transformer =
                    javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.METHOD, "xml");
            transformer.setOutputProperty(javax.xml.transform.OutputKeys.ENCODING, "UTF-8");
            var out = new java.io.StringWriter();
            transformer.transform(
                    new javax.xml.transform.dom.DOMSource(document), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (javax.xml.parsers.ParserConfigurationException
                | org.xml.sax.SAXException
                | IOException
                | javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("a document template is not well-formed XHTML", e);
        }
    }

    private static boolean keepsOrder(org.w3c.dom.Element row) {
        for (org.w3c.dom.Node n = row.getParentNode(); n != null; n = n.getParentNode()) {
            if (n instanceof org.w3c.dom.Element e && "table".equals(e.getTagName())) {
                return "no".equals(e.getAttribute("data-mirror"));
            }
        }
        return false;
    }

    /** A PDF of well-formed XHTML. */
    public byte[] pdfFromHtml(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useUnicodeBidiSplitter(new IcuBidi.SplitterFactory());
        builder.useUnicodeBidiReorderer(new IcuBidi.Reorderer());
        builder.defaultTextDirection(PdfRendererBuilder.TextDirection.LTR);
        FONTS.forEach((family, files) -> {
            builder.useFont(() -> open(files[0]), family, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> open(files[1]), family, 700, FontStyle.NORMAL, true);
        });
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be rendered", e);
        }
        return out.toByteArray();
    }

    /**
     * A QR code as PNG, {@code size} pixels square. Short contents get medium error correction; long ones (ZATCA's
     * phase-2 QR carries a signature, a public key and a certificate signature, 600+ characters) get low, which keeps
     * their modules large enough to scan from a printed page or a phone's screen.
     */
    public byte[] qrPng(String content, int size) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(
                                    EncodeHintType.CHARACTER_SET,
                                    StandardCharsets.UTF_8.name(),
                                    EncodeHintType.ERROR_CORRECTION,
                                    content.length() > 300 ? ErrorCorrectionLevel.L : ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("the QR code could not be made", e);
        }
    }

    /** A QR code as a {@code data:} URI for an {@code <img>} in a document. */
    public String qrDataUri(String content, int size) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(content, size));
    }

    private static InputStream open(String resource) {
        try {
            return new ClassPathResource(resource).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
