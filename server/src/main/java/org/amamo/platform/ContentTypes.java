package org.amamo.platform;

/**
 * Recognises an uploaded document by its content, never by the name or the content type the browser sends, so that
 * a file is stored and served as what it is: PDF, PNG or JPEG by their signatures (magic bytes).
 */
public final class ContentTypes {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private ContentTypes() {}

    /** PDF, PNG or JPEG by their signatures; null for anything else. */
    public static String documentOrImage(byte[] bytes) {
        if (startsWith(bytes, PDF_SIGNATURE)) {
            return PDF;
        }
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return PNG;
        }
        if (startsWith(bytes, JPEG_SIGNATURE)) {
            return JPEG;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
