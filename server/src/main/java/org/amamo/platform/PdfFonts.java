package org.amamo.platform;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;

/**
 * The Japanese font for PDFs (certificates, contract notes): IPAex Gothic from {@code fonts/ipaexg.ttf} (IPA Font
 * License, see {@code fonts/IPAexfont-LICENSE.txt}), embedded as a subset so that a PDF reads the same anywhere.
 */
public final class PdfFonts {

    private static final String FONT = "fonts/ipaexg.ttf";

    private PdfFonts() {}

    /** The font file's bytes, read once. */
    private static final class Bytes {
        static final byte[] FONT_BYTES = read();

        private static byte[] read() {
            try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the PDF font " + FONT + " is missing", e);
            }
        }
    }

    /** A new base font for one document (OpenPDF keeps the subset per font object). */
    public static BaseFont japanese() {
        try {
            return BaseFont.createFont(
                    "ipaexg.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, Bytes.FONT_BYTES, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the PDF font", e);
        }
    }
}
