package org.amamo.exchange.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.amamo.platform.Outcome;
import org.amamo.platform.Refusal;
import org.amamo.platform.RefusalKind;

/** The exchange's web forms: text as typed, turned into the services' terms with a refusal at each bad field. */
final class ExchangeForms {

    private ExchangeForms() {}

    /** A new order. {@code holding}: {@code accountId:batchId} of the credits a sell order puts in escrow. */
    static final class OrderForm {
        private Long instrumentId;
        private String side = "BUY";
        private String limitPriceJpy;
        private String tradingUnits;
        private String validity = "DAY";
        private String holding;

        public Long getInstrumentId() {
            return instrumentId;
        }

        public void setInstrumentId(Long instrumentId) {
            this.instrumentId = instrumentId;
        }

        public String getSide() {
            return side;
        }

        public void setSide(String side) {
            this.side = side;
        }

        public String getLimitPriceJpy() {
            return limitPriceJpy;
        }

        public void setLimitPriceJpy(String limitPriceJpy) {
            this.limitPriceJpy = limitPriceJpy;
        }

        public String getTradingUnits() {
            return tradingUnits;
        }

        public void setTradingUnits(String tradingUnits) {
            this.tradingUnits = tradingUnits;
        }

        public String getValidity() {
            return validity;
        }

        public void setValidity(String validity) {
            this.validity = validity;
        }

        public String getHolding() {
            return holding;
        }

        public void setHolding(String holding) {
            this.holding = holding;
        }

        /** The order's terms, or the refusals of fields that are not numbers or not given. */
        Outcome<OrderDesk.OrderTerms> terms() {
            List<Refusal> refusals = new ArrayList<>();
            if (instrumentId == null) {
                refusals.add(Refusal.of("instrumentId", "exchange.required"));
            }
            BigDecimal price = number(limitPriceJpy, "limitPriceJpy", "exchange.order.price-not-whole", refusals);
            BigDecimal units = number(tradingUnits, "tradingUnits", "exchange.order.units-invalid", refusals);
            Long account = null;
            Long batch = null;
            if ("SELL".equals(side)) {
                long[] parsed = holding(holding);
                if (parsed == null) {
                    refusals.add(Refusal.of("holding", "exchange.required"));
                } else {
                    account = parsed[0];
                    batch = parsed[1];
                }
            }
            if (!refusals.isEmpty()) {
                return Outcome.refused(RefusalKind.INVALID, refusals);
            }
            return Outcome.done(new OrderDesk.OrderTerms(side, price, units, validity, account, batch, null));
        }
    }

    /** A change of an order's price and quantity. */
    static final class ChangeForm {
        private String limitPriceJpy;
        private String tradingUnits;

        public String getLimitPriceJpy() {
            return limitPriceJpy;
        }

        public void setLimitPriceJpy(String limitPriceJpy) {
            this.limitPriceJpy = limitPriceJpy;
        }

        public String getTradingUnits() {
            return tradingUnits;
        }

        public void setTradingUnits(String tradingUnits) {
            this.tradingUnits = tradingUnits;
        }

        Outcome<OrderDesk.ChangeTerms> terms() {
            List<Refusal> refusals = new ArrayList<>();
            BigDecimal price = number(limitPriceJpy, "limitPriceJpy", "exchange.order.price-not-whole", refusals);
            BigDecimal units = number(tradingUnits, "tradingUnits", "exchange.order.units-invalid", refusals);
            if (!refusals.isEmpty()) {
                return Outcome.refused(RefusalKind.INVALID, refusals);
            }
            return Outcome.done(new OrderDesk.ChangeTerms(price, units, null));
        }
    }

    /** A new instrument. */
    static final class InstrumentForm {
        private String programmeCode = "JBC";
        private String creditType = "REMOVAL";
        private String ecosystemGroup = "seagrass";
        private String referencePriceJpy;

        public String getProgrammeCode() {
            return programmeCode;
        }

        public void setProgrammeCode(String programmeCode) {
            this.programmeCode = programmeCode;
        }

        public String getCreditType() {
            return creditType;
        }

        public void setCreditType(String creditType) {
            this.creditType = creditType;
        }

        public String getEcosystemGroup() {
            return ecosystemGroup;
        }

        public void setEcosystemGroup(String ecosystemGroup) {
            this.ecosystemGroup = ecosystemGroup;
        }

        public String getReferencePriceJpy() {
            return referencePriceJpy;
        }

        public void setReferencePriceJpy(String referencePriceJpy) {
            this.referencePriceJpy = referencePriceJpy;
        }

        Outcome<Instruments.InstrumentTerms> terms() {
            List<Refusal> refusals = new ArrayList<>();
            BigDecimal price =
                    number(referencePriceJpy, "referencePriceJpy", "exchange.instrument.reference-invalid", refusals);
            if (price == null && refusals.isEmpty()) {
                refusals.add(Refusal.of("referencePriceJpy", "exchange.required"));
            }
            if (!refusals.isEmpty()) {
                return Outcome.refused(RefusalKind.INVALID, refusals);
            }
            return Outcome.done(new Instruments.InstrumentTerms(programmeCode, creditType, ecosystemGroup, price));
        }
    }

    /** A holder to approve for trading, by e-mail address. */
    static final class TraderForm {
        private String email;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }
    }

    /**
     * A number as typed (half- or full-width digits, commas allowed), or null if blank; a text that is no number adds
     * the refusal.
     */
    static BigDecimal number(String text, String field, String messageKey, List<Refusal> refusals) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normal = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .strip()
                .replace(",", "");
        try {
            return new BigDecimal(normal);
        } catch (NumberFormatException notANumber) {
            refusals.add(
                    messageKey.equals("exchange.order.units-invalid")
                            ? Refusal.of(field, messageKey, org.amamo.exchange.Order.MAX_TRADING_UNITS)
                            : messageKey.equals("exchange.instrument.reference-invalid")
                                    ? Refusal.of(
                                            field, messageKey, org.amamo.exchange.PriceLimits.MAX_REFERENCE_PRICE_JPY)
                                    : Refusal.of(field, messageKey));
            return null;
        }
    }

    /** {@code accountId:batchId}, or null. */
    static long[] holding(String text) {
        if (text == null || !text.matches("[0-9]{1,18}:[0-9]{1,18}")) {
            return null;
        }
        String[] parts = text.split(":");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }
}
