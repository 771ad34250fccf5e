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
        return pdfFromHtml(html(template, model, language));
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

    /** A QR code as PNG, with medium error correction, {@code size} pixels square. */
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
                                    ErrorCorrectionLevel.M,
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
