package sa.tenhal.platform.documents;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Reads QR codes back in tests. zxing's finder-pattern detector misses about one in twenty dense codes (ZATCA's
 * phase-2 QR, 500+ characters) whatever the resolution, also in the PNG itself, while phones' scanners read them;
 * a test that scans a rendered page therefore fails at random. These read the QR image a document embeds, on its own
 * pixel grid (pure-barcode mode), which is exact and deterministic.
 */
public final class QrCodes {

    private QrCodes() {}

    /** The text of the first QR image on a PDF page (0-based). */
    public static String onPage(PDDocument document, int page) throws IOException, ReaderException {
        var resources = document.getPage(page).getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                return read(image.getImage());
            }
        }
        throw NotFoundException.getNotFoundInstance();
    }

    /** The text of a QR code that is the whole image (with its quiet zone). */
    public static String read(BufferedImage image) throws ReaderException {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
