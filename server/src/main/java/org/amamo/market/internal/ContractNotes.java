package org.amamo.market.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.amamo.market.internal.MarketViews.AllocationView;
import org.amamo.platform.ContractNotePdf;
import org.amamo.platform.Dates;
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
        List<ContractNotePdf.Row> labelled = new ArrayList<>();
        for (String[] row : rows) {
            labelled.add(new ContractNotePdf.Row(text(row[0], locale), row[1]));
        }
        return ContractNotePdf.of(text("market.note.title", locale), labelled, text("market.note.terms", locale));
    }

    static String yen(java.math.BigDecimal amount) {
        return ContractNotePdf.yen(amount);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
