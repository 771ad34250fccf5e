package sa.tenhal.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import sa.tenhal.shared.Language;

class DocumentsTests {

    static Documents documents() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        return new Documents(engine);
    }

    @Test
    void rendersArabicAndEnglishWithAQrCodeThatReadsBack() throws Exception {
        Documents documents = documents();
        byte[] pdf = documents.pdf(
                "test-document",
                Map.of(
                        "title", "Invoice INV-RYD-2026-000001",
                        "arabic", "فاتورة ضريبية مبسطة — مركز تنهال لتنمية الطفل",
                        "english", "Speech therapy session, 350.00 SAR",
                        "qr", documents.qrDataUri("AQZUZW5oYWwCDzMxMDEyMjM5MzUwMDAwMw==", 240)),
                Language.EN);

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Invoice INV-RYD-2026-000001", "350.00 SAR");
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path out = Path.of("target/documents");
            Files.createDirectories(out);
            ImageIO.write(page, "png", out.resolve("test-document.png").toFile());
            var qr = new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))));
            assertThat(qr.getText()).isEqualTo("AQZUZW5oYWwCDzMxMDEyMjM5MzUwMDAwMw==");
        }
    }

    @Test
    void aQrCodeDecodesToWhatWasEncoded() throws Exception {
        byte[] png = documents().qrPng("https://tenhal.test/p/c/abc", 200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        var result = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertThat(result.getText()).isEqualTo("https://tenhal.test/p/c/abc");
    }

    @Test
    void aPhaseTwoSizedQrCodeDecodesWhateverItCarries() throws Exception {
        // ZATCA's phase-2 QR carries a signature of varying length: 500-700 base64 characters, low error correction
        var random = new java.util.Random(20261205);
        Documents documents = documents();
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[360 + random.nextInt(160)];
            random.nextBytes(bytes);
            String content = java.util.Base64.getEncoder().encodeToString(bytes);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(documents.qrPng(content, 440)));
            assertThat(QrCodes.read(image)).as("content %d", i).isEqualTo(content);
        }
    }
}
