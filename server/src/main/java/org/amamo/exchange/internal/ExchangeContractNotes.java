package org.amamo.exchange.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.amamo.exchange.internal.ContractQueries.ContractView;
import org.amamo.platform.ContractNotePdf;
import org.amamo.platform.Dates;
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
        List<ContractNotePdf.Row> rows = new ArrayList<>();
        for (String[] row : rows(contract, issuedAt, locale)) {
            rows.add(new ContractNotePdf.Row(text(row[0], locale), row[1]));
        }
        return ContractNotePdf.of(text("exchange.note.title", locale), rows, text("exchange.note.terms", locale));
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
        return ContractNotePdf.yen(BigDecimal.valueOf(amount));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
