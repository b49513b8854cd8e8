package org.amamo.exchange.internal;

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
import java.time.Instant;
import java.util.Locale;
import org.amamo.exchange.internal.ContractQueries.ContractView;
import org.amamo.platform.Dates;
import org.amamo.platform.PdfFonts;
import org.amamo.registry.CreditBatch;
import org.amamo.registry.MarketSettlement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The contract note (約定通知書) of one exchange contract, as PDF in the reader's language with the embedded Japanese
 * font: number, auction, instrument, seller, buyer, batch, project and vintage, quantity in t-CO2, price per t-CO2,
 * amount, settlement date, and whether the credits are delivered or retired on the buyer's behalf. The market's
 * contract note ({@code market.internal.ContractNotes}) looks the same but belongs to another module and reads an
 * allocation; what the two share is the platform's font.
 */
@Component
class ExchangeContractNotes {

    private final MessageSource messages;
    private final Dates dates;
    private final MarketSettlement registry;

    ExchangeContractNotes(MessageSource messages, Dates dates, MarketSettlement registry) {
        this.messages = messages;
        this.dates = dates;
        this.registry = registry;
    }

    /** The note's number: the exchange's prefix and the contract's id. */
    static String number(long contractId) {
        return "EX-" + contractId;
    }

    byte[] pdf(ContractView contract, Instant issuedAt, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont base = PdfFonts.japanese();
            Font body = new Font(base, 10.5f);
            Font label = new Font(base, 9);
            document.addTitle(text("exchange.note.title", locale));
            document.open();
            Paragraph title = new Paragraph(text("exchange.note.title", locale), new Font(base, 20));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(16);
            document.add(title);
            PdfPTable table = new PdfPTable(new float[] {1, 2.2f});
            table.setWidthPercentage(100);
            for (String[] row : rows(contract, issuedAt, locale)) {
                PdfPCell cell = new PdfPCell(new Phrase(text(row[0], locale), label));
                cell.setGrayFill(0.93f);
                table.addCell(cell);
                table.addCell(new PdfPCell(new Phrase(row[1] == null ? "" : row[1], body)));
            }
            document.add(table);
            document.add(new Paragraph(text("exchange.note.terms", locale), label));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not write a contract note", e);
        }
        return out.toByteArray();
    }

    private String[][] rows(ContractView contract, Instant issuedAt, Locale locale) {
        String project = registry.batch(contract.batchId())
                .map(CreditBatch::projectName)
                .map(name -> name + " (" + contract.projectCode() + ")")
                .orElse(contract.projectCode());
        return new String[][] {
            {"exchange.note.number", number(contract.id())},
            {"exchange.note.issued", dates.dateTime(issuedAt)},
            {"exchange.note.auction", dates.dateTime(contract.auctionAt())},
            {"exchange.instrument.category", contract.instrument()},
            {"exchange.note.seller", contract.sellerName()},
            {"exchange.note.buyer", contract.buyerName()},
            {"exchange.note.batch", contract.batchSerial()},
            {"exchange.note.project", project},
            {
                "exchange.note.vintage",
                contract.vintage() == null ? "" : contract.vintage().toString()
            },
            {
                "exchange.note.quantity",
                BigDecimal.valueOf(contract.creditUnits(), 1).toPlainString()
            },
            {"exchange.note.price", yen(contract.priceJpy())},
            {"exchange.note.amount", yen(contract.amountJpy())},
            {"exchange.contract.settlement-date", contract.settlementDate().toString()},
            {
                "exchange.note.delivery",
                text(
                        contract.retireForBuyer() ? "exchange.note.delivery.retire" : "exchange.note.delivery.transfer",
                        locale)
            },
            {"exchange.contract.status", text("exchange.contract.status." + contract.status(), locale)}
        };
    }

    static String yen(long amount) {
        return "¥" + new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
