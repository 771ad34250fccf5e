package sa.tenhal.platform.documents;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * Right-to-left support for the PDF renderer, with ICU: splitting paragraphs into runs of one direction, ordering them
 * for display, and shaping Arabic letters into their joined forms (the renderer draws glyphs as given).
 */
final class IcuBidi {

    private IcuBidi() {}

    static final class Splitter implements BidiSplitter {
        private Bidi bidi;

        @Override
        public void setParagraph(String paragraph, byte level) {
            bidi = new Bidi(paragraph, level == RTL ? Bidi.RTL : level == LTR ? Bidi.LTR : Bidi.LEVEL_DEFAULT_LTR);
        }

        @Override
        public int countTextRuns() {
            return bidi.countRuns();
        }

        @Override
        public BidiTextRun getVisualRun(int index) {
            var run = bidi.getVisualRun(index);
            return new BidiTextRun(run.getStart(), run.getLength(), run.getDirection() == Bidi.RTL ? RTL : LTR);
        }

        @Override
        public byte getBaseDirection(String paragraph) {
            byte direction = Bidi.getBaseDirection(paragraph);
            return direction == Bidi.RTL ? RTL : direction == Bidi.LTR ? LTR : NEUTRAL;
        }
    }

    static final class SplitterFactory implements BidiSplitterFactory {
        @Override
        public BidiSplitter createBidiSplitter() {
            return new Splitter();
        }
    }

    static final class Reorderer implements BidiReorderer {
        private final ArabicShaping shaper =
                new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK);
        private final ArabicShaping unshaper =
                new ArabicShaping(ArabicShaping.LETTERS_UNSHAPE | ArabicShaping.LENGTH_GROW_SHRINK);

        @Override
        public String reorderRTLTextToLTR(String text) {
            return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
        }

        @Override
        public String shapeText(String text) {
            try {
                return shaper.shape(text);
            } catch (ArabicShapingException e) {
                return text;
            }
        }

        @Override
        public String deshapeText(String text) {
            try {
                return unshaper.shape(text);
            } catch (ArabicShapingException e) {
                return text;
            }
        }

        @Override
        public boolean isLiveImplementation() {
            return true;
        }
    }
}
