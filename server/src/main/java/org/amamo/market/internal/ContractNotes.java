package org.amamo.market.internal;

import com.lowagie.text.Document;
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
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.Locale;
import org.amamo.market.internal.MarketViews.AllocationView;
import org.amamo.platform.Dates;
import org.amamo.platform.PdfFonts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The contract note (約定通知書) of one allocation, as PDF in the reader's language with the embedded Japanese font:
 * round, seller, buyer, batch, quantity, price per t-CO2, amount (units / 10 × price, half up to whole yen), the
 * payment deadline and what happens on payment.
 */
@Component
class ContractNotes {

    private final MessageSource messages;
    private final Dates dates;

    ContractNotes(MessageSource messages, Dates dates) {
        this.messages = messages;
        this.dates = dates;
    }

    byte[] pdf(AllocationView allocation, Instant issuedAt, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont base = PdfFonts.japanese();
            Font body = new Font(base, 10.5f);
            Font label = new Font(base, 9);
            document.addTitle(text("market.note.title", locale));
            document.open();
            Paragraph title = new Paragraph(text("market.note.title", locale), new Font(base, 20));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(16);
            document.add(title);
            PdfPTable table = new PdfPTable(new float[] {1, 2.2f});
            table.setWidthPercentage(100);
            String[][] rows = {
                {"market.note.number", allocation.roundId() + "-" + allocation.id()},
                {"market.note.issued", dates.dateTime(issuedAt)},
                {"market.round.title-label", allocation.roundTitle()},
                {"market.note.seller", allocation.sellerName()},
                {"market.note.buyer", allocation.buyerName()},
                {"market.offer.project", allocation.projectName() + " (" + allocation.projectCode() + ")"},
                {"market.offer.vintage", Integer.toString(allocation.vintage())},
                {"market.offer.batch", allocation.batchSerial()},
                {
                    "market.quantity.tonnes",
                    java.math.BigDecimal.valueOf(allocation.creditUnits(), 1).toPlainString()
                },
                {"market.price.per-tonne", yen(allocation.priceJpy())},
                {"market.amount", yen(allocation.amountJpy())},
                {"market.payment.due", dates.dateTime(allocation.paymentDueAt())},
                {
                    "market.note.delivery",
                    text(
                            allocation.retireAtOnce() ? "market.note.delivery.retire" : "market.note.delivery.transfer",
                            locale)
                }
            };
            for (String[] row : rows) {
                PdfPCell cell = new PdfPCell(new Phrase(text(row[0], locale), label));
                cell.setGrayFill(0.93f);
                table.addCell(cell);
                table.addCell(new PdfPCell(new Phrase(row[1] == null ? "" : row[1], body)));
            }
            document.add(table);
            document.add(new Paragraph(text("market.note.terms", locale), label));
            document.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not write a contract note", e);
        }
        return out.toByteArray();
    }

    static String yen(java.math.BigDecimal amount) {
        return "¥" + new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
