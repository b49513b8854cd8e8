package org.amamo.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.amamo.exchange.TradingCalendar;
import org.amamo.exchange.internal.ExchangeRows.ContractRow;
import org.amamo.exchange.internal.SettlementStore.Contract;
import org.amamo.exchange.internal.SettlementStore.Delivery;
import org.amamo.identity.AmamoPrincipal;
import org.amamo.identity.UserDirectory;
import org.amamo.identity.UserSummary;
import org.springframework.stereotype.Component;

/** Reads of the exchange's contracts for the pages and the API: a party's own, or all of them for the secretariat. */
@Component
class ContractQueries {

    /** The statuses of a contract, for the secretariat's filter. */
    static final Set<String> STATUSES = Set.of("AWAITING_PAYMENT", "PAID", "SETTLED", "LAPSED");

    private final SettlementStore store;
    private final ExchangeStore exchange;
    private final UserDirectory users;
    private final TradingCalendar calendar;

    ContractQueries(SettlementStore store, ExchangeStore exchange, UserDirectory users, TradingCalendar calendar) {
        this.store = store;
        this.exchange = exchange;
        this.users = users;
        this.calendar = calendar;
    }

    /**
     * A contract (約定) as its buyer, its seller or the secretariat sees it. {@code buyer} and {@code seller}: whether
     * the reader is that party. Prices and amounts in whole yen, {@code tradingUnits} of 1 t-CO2 and
     * {@code creditUnits} of 0.1 t-CO2. {@code status}: AWAITING_PAYMENT, PAID (delivery to be retried by confirming
     * again), SETTLED or LAPSED. {@code payable}: payment can still be confirmed (awaiting payment, settlement date
     * not passed; or paid and not delivered). {@code retireForBuyer} with the disclosure: the credits are to be (or
     * were) retired on the buyer's behalf, record {@code retirementId}; else delivered to {@code deliveredAccountId}.
     */
    record ContractView(
            long id,
            long auctionId,
            Instant auctionAt,
            long instrumentId,
            String instrument,
            boolean buyer,
            boolean seller,
            long buyerUserId,
            String buyerName,
            long sellerUserId,
            String sellerName,
            long tradingUnits,
            long creditUnits,
            long priceJpy,
            long amountJpy,
            long batchId,
            String batchSerial,
            String projectCode,
            Integer vintage,
            LocalDate tradeDate,
            LocalDate settlementDate,
            String status,
            boolean payable,
            boolean retireForBuyer,
            String beneficiary,
            String purpose,
            String emissionsOffset,
            String note,
            Instant paidAt,
            Instant settledAt,
            Instant lapsedAt,
            Long deliveredAccountId,
            Long retirementId,
            String serialRanges) {}

    /** The user's contracts as buyer or seller, latest first. */
    List<ContractView> mine(AmamoPrincipal user) {
        return views(store.contractsOf(user.userId()), user.userId());
    }

    /** Every contract, or those of one status, latest first (the secretariat). */
    List<ContractView> all(String status) {
        return views(store.contracts(status), null);
    }

    /** One contract, if the reader is a party to it or the secretariat (else empty: the caller answers 403). */
    Optional<ContractView> contract(long id, AmamoPrincipal user) {
        return store.contract(id)
                .filter(c -> visible(c.row(), user))
                .map(c -> views(List.of(c), user.userId()).get(0));
    }

    boolean exists(long id) {
        return store.contract(id).isPresent();
    }

    static boolean visible(ContractRow contract, AmamoPrincipal user) {
        return contract.buyerUserId() == user.userId()
                || contract.sellerUserId() == user.userId()
                || user.isSecretariat();
    }

    /** The lapses recorded against a buyer. */
    long lapses(long buyerUserId) {
        return store.lapses(buyerUserId);
    }

    private List<ContractView> views(List<Contract> contracts, Long readerUserId) {
        Map<Long, String> instruments = new HashMap<>();
        exchange.instruments().forEach(i -> instruments.put(i.id(), i.code()));
        Map<Long, String> names = new HashMap<>();
        LocalDate today = calendar.today();
        return contracts.stream()
                .map(c -> view(c, readerUserId, instruments, names, today))
                .toList();
    }

    private ContractView view(
            Contract contract, Long reader, Map<Long, String> instruments, Map<Long, String> names, LocalDate today) {
        ContractRow row = contract.row();
        Delivery delivery = contract.delivery();
        boolean payable = row.status().equals("PAID")
                || (row.status().equals("AWAITING_PAYMENT") && !today.isAfter(row.settlementDate()));
        return new ContractView(
                row.id(),
                row.auctionId(),
                contract.auctionAt(),
                row.instrumentId(),
                instruments.getOrDefault(row.instrumentId(), "#" + row.instrumentId()),
                reader != null && row.buyerUserId() == reader,
                reader != null && row.sellerUserId() == reader,
                row.buyerUserId(),
                names.computeIfAbsent(row.buyerUserId(), this::name),
                row.sellerUserId(),
                names.computeIfAbsent(row.sellerUserId(), this::name),
                row.tradingUnits(),
                row.creditUnits(),
                row.priceJpy(),
                row.amountJpy(),
                row.batchId(),
                row.batchSerial(),
                row.projectCode(),
                row.vintage(),
                row.tradeDate(),
                row.settlementDate(),
                row.status(),
                payable,
                delivery.retireForBuyer(),
                delivery.beneficiary(),
                delivery.purpose(),
                delivery.emissionsOffset(),
                delivery.note(),
                row.paidAt(),
                row.settledAt(),
                row.lapsedAt(),
                delivery.deliveredAccountId(),
                delivery.retirementId(),
                delivery.serialRanges());
    }

    /** The name shown for a party: its organisation's name and its own. */
    private String name(long userId) {
        return users.find(userId).map(UserSummary::displayName).orElse("#" + userId);
    }
}
