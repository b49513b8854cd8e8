package org.amamo.platform;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * A contract note (約定通知書) as PDF, A4 with the embedded Japanese font: the title centred, a table of labelled
 * rows (the label shaded), and the terms below it. The market's allocations and the exchange's contracts print theirs
 * with it, each with its own rows in the reader's language.
 */
public final class ContractNotePdf {

    /** One row of the note: its label and its value (null prints empty). */
    public record Row(String label, String value) {}

    private ContractNotePdf() {}

    public static byte[] of(String title, List<Row> rows, String terms) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont base = PdfFonts.japanese();
            Font body = new Font(base, 10.5f);
            Font label = new Font(base, 9);
            document.addTitle(title);
            document.open();
            Paragraph heading = new Paragraph(title, new Font(base, 20));
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(16);
            document.add(heading);
            PdfPTable table = new PdfPTable(new float[] {1, 2.2f});
            table.setWidthPercentage(100);
            for (Row row : rows) {
                PdfPCell cell = new PdfPCell(new Phrase(row.label(), label));
                cell.setGrayFill(0.93f);
                table.addCell(cell);
                table.addCell(new PdfPCell(new Phrase(row.value() == null ? "" : row.value(), body)));
            }
            document.add(table);
            document.add(new Paragraph(terms, label));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not write a contract note", e);
        }
        return out.toByteArray();
    }

    /** An amount in yen as the notes print it: {@code ¥1,234,500}. */
    public static String yen(BigDecimal amount) {
        return "¥" + new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }
}
