package org.amamo.registry.internal.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.amamo.platform.Dates;
import org.amamo.registry.internal.RegistryUnits;
import org.amamo.registry.internal.read.RegistryViews;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Certificates (証書) as PDF: a holding certificate for an account's active credits and a retirement certificate
 * for a public retirement record, each with its serial ranges and a QR code linking to the public record. The text
 * comes from the message bundles in the reader's language; the IPAex Gothic font (IPA Font License, see
 * {@code fonts/IPAexfont-LICENSE.txt}) is embedded as a subset, so the PDF reads the same on any machine.
 */
@Component
class Certificates {

    /** The most serial ranges a holding certificate lists; more are summarised by their count. */
    static final int MAX_RANGES = 200;

    private static final String FONT = "fonts/ipaexg.ttf";

    private final MessageSource messages;
    private final RegistryUnits units;
    private final Dates dates;
    private final DisclosureText disclosure;
    private final byte[] font;

    Certificates(MessageSource messages, RegistryUnits units, Dates dates) {
        this.messages = messages;
        this.units = units;
        this.dates = dates;
        this.disclosure = new DisclosureText(messages);
        try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the certificate font " + FONT + " is missing", e);
        }
    }

    /** 保有証明書: the account's holder, its balance at {@code asOf} and the serial ranges it holds. */
    byte[] holding(
            RegistryViews.AccountView account, List<String> ranges, Instant asOf, String publicUrl, Locale locale) {
        return pdf(
                locale,
                "registry.certificate.holding.title",
                (document, fonts) -> {
                    facts(document, fonts, locale, new String[][] {
                        {"registry.account.holder", account.holderName()},
                        {"registry.account.number", Long.toString(account.id())},
                        {"registry.certificate.as-of", dates.dateTime(asOf)},
                        {"registry.balance.tonnes", units.tonnes(account.balanceUnits())}
                    });
                    serials(document, fonts, locale, ranges);
                },
                publicUrl);
    }

    /** 無効化証明書: the public retirement record with its disclosure, serial ranges and batches. */
    byte[] retirement(RegistryViews.RetirementView retirement, String publicUrl, Locale locale) {
        return pdf(
                locale,
                "registry.certificate.retirement.title",
                (document, fonts) -> {
                    facts(document, fonts, locale, new String[][] {
                        {"registry.certificate.number", Long.toString(retirement.id())},
                        {"registry.retirement.date", dates.dateTime(retirement.retiredAt())},
                        {"registry.retirement.beneficiary", retirement.beneficiary()},
                        {"registry.retirement.purpose", text("registry.purpose." + retirement.purpose(), locale)},
                        {"registry.retirement.emissions", retirement.emissionsOffset()},
                        {
                            "registry.retirement.year",
                            retirement.reportingYear() == null
                                    ? ""
                                    : retirement.reportingYear().toString()
                        },
                        {"registry.quantity.tonnes", units.tonnes(retirement.creditUnits())},
                        {"quality.retirement.offset-tonnes", disclosure.offsetTonnes(retirement, locale)},
                        {"quality.retirement.offset-coverage", disclosure.coverage(retirement, locale)},
                        {"quality.retirement.sector", retirement.beneficiarySector()},
                        {"quality.retirement.reason", retirement.selectionReason()},
                        {
                            "quality.retirement.adjustment",
                            text("quality.adjustment." + retirement.correspondingAdjustment(), locale)
                        }
                    });
                    for (int i = 0; i < retirement.batches().size(); i++) {
                        RegistryViews.BatchView batch = retirement.batches().get(i);
                        RegistryViews.CreditOrigin origin = retirement.origins().get(i);
                        facts(document, fonts, locale, new String[][] {
                            {"registry.batch.serial", batch.batchSerial()},
                            {"registry.batch.project", batch.projectName() + " (" + batch.projectCode() + ")"},
                            {"registry.batch.vintage", Integer.toString(batch.vintage())},
                            {"quality.origin.monitoring", disclosure.monitoring(origin, locale)},
                            {"quality.origin.region", disclosure.region(origin, locale)},
                            {"registry.batch.methodology", batch.methodologyVersion()},
                            {"quality.origin.category", disclosure.category(origin, locale)},
                            {"registry.batch.certifier", batch.certifier()},
                            {"quality.origin.co-benefits", disclosure.coBenefits(origin, locale)}
                        });
                    }
                    serials(document, fonts, locale, retirement.serialRanges());
                },
                publicUrl);
    }

    /**
     * 証書 (issuance certificate): what one initial holder received when a batch was issued (as handed to the creators
     * at the first ceremony, seed 000): project, holder, quantity, serial range, vintage, methodology, certifier and
     * date, with a QR code to the public batch page.
     */
    byte[] issuance(
            RegistryViews.AccountView holder, RegistryViews.IssuedToHolder issued, String publicUrl, Locale locale) {
        RegistryViews.BatchView batch = issued.batch();
        return pdf(
                locale,
                "quality.issuance-certificate.title",
                (document, fonts) -> {
                    document.add(new Paragraph(
                            messages.getMessage(
                                    "quality.issuance-certificate.statement",
                                    new Object[] {holder.holderName(), units.tonnes(issued.creditUnits())},
                                    locale),
                            fonts.body()));
                    document.add(new Paragraph(" ", fonts.body()));
                    facts(document, fonts, locale, new String[][] {
                        {"registry.batch.project", batch.projectName() + " (" + batch.projectCode() + ")"},
                        {"registry.account.holder", holder.holderName()},
                        {"registry.quantity.tonnes", units.tonnes(issued.creditUnits())},
                        {"registry.serial.range", issued.serialRange()},
                        {"registry.batch.vintage", Integer.toString(batch.vintage())},
                        {"registry.batch.methodology", batch.methodologyVersion()},
                        {"registry.batch.type", text("registry.type." + batch.creditType(), locale)},
                        {"registry.batch.certifier", batch.certifier()},
                        {"quality.issuance-certificate.date", dates.date(batch.issuedAt())},
                        {"registry.batch.serial", batch.batchSerial()}
                    });
                },
                publicUrl);
    }

    /** The fonts of one document. */
    private record Fonts(Font title, Font body, Font label) {}

    private interface Body {
        void write(Document document, Fonts fonts) throws Exception;
    }

    private byte[] pdf(Locale locale, String titleKey, Body body, String publicUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            BaseFont base = BaseFont.createFont("ipaexg.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, font, null);
            Fonts fonts = new Fonts(new Font(base, 20, Font.NORMAL), new Font(base, 10.5f), new Font(base, 9));
            document.addTitle(text(titleKey, locale));
            document.open();
            Paragraph title = new Paragraph(text(titleKey, locale), fonts.title());
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingAfter(16);
            document.add(title);
            body.write(document, fonts);
            document.add(new Paragraph(text("registry.certificate.verify", locale), fonts.label()));
            document.add(qr(writer.getDirectContent(), publicUrl));
            document.add(new Paragraph(publicUrl, fonts.label()));
            document.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not write a certificate", e);
        }
        return out.toByteArray();
    }

    private void facts(Document document, Fonts fonts, Locale locale, String[][] rows) throws Exception {
        PdfPTable table = new PdfPTable(new float[] {1, 2.2f});
        table.setWidthPercentage(100);
        table.setSpacingAfter(10);
        for (String[] row : rows) {
            PdfPCell label = new PdfPCell(new Phrase(text(row[0], locale), fonts.label()));
            label.setGrayFill(0.93f);
            table.addCell(label);
            table.addCell(new PdfPCell(new Phrase(row[1] == null ? "" : row[1], fonts.body())));
        }
        document.add(table);
    }

    private void serials(Document document, Fonts fonts, Locale locale, List<String> ranges) throws Exception {
        document.add(new Paragraph(text("registry.serial.range", locale), fonts.body()));
        for (String range : ranges.stream().limit(MAX_RANGES).toList()) {
            document.add(new Paragraph(range, fonts.body()));
        }
        if (ranges.size() > MAX_RANGES) {
            document.add(new Paragraph(
                    messages.getMessage("registry.certificate.more", new Object[] {ranges.size() - MAX_RANGES}, locale),
                    fonts.label()));
        }
        document.add(new Paragraph(" ", fonts.body()));
    }

    /** A QR code drawn as vector squares (no image library needed), 30 mm wide. */
    private static Image qr(PdfContentByte canvas, String url)
            throws WriterException, com.lowagie.text.BadElementException {
        BitMatrix matrix =
                new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 1));
        float module = 85f / matrix.getWidth();
        PdfTemplate template = canvas.createTemplate(matrix.getWidth() * module, matrix.getHeight() * module);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    template.rectangle(x * module, (matrix.getHeight() - 1 - y) * module, module, module);
                }
            }
        }
        template.fill();
        return Image.getInstance(template);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
