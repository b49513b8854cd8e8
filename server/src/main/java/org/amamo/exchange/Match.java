package org.amamo.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * One buy order and one sell order of an auction matched for a number of trading units: the auction's fills paired
 * into contracts. {@link #pair} walks the buys and the sells each in time priority and matches the earliest unmatched
 * units of each side, so every order's matches add up to its fill.
 */
public record Match(long buyOrderId, long sellOrderId, long tradingUnits) {

    public Match {
        if (tradingUnits <= 0) {
            throw new IllegalArgumentException("a match is for at least one trading unit: " + tradingUnits);
        }
    }

    /** The matches of an auction's fills (given in time priority, as {@link AuctionResult#fills()} are). */
    public static List<Match> pair(List<Fill> fills) {
        List<Fill> buys = new ArrayList<>();
        List<Fill> sells = new ArrayList<>();
        for (Fill fill : fills) {
            (fill.side() == Side.BUY ? buys : sells).add(fill);
        }
        List<Match> matches = new ArrayList<>();
        int b = 0;
        int s = 0;
        long buyLeft = buys.isEmpty() ? 0 : buys.get(0).tradingUnits();
        long sellLeft = sells.isEmpty() ? 0 : sells.get(0).tradingUnits();
        while (b < buys.size() && s < sells.size()) {
            long units = Math.min(buyLeft, sellLeft);
            matches.add(new Match(buys.get(b).orderId(), sells.get(s).orderId(), units));
            buyLeft -= units;
            sellLeft -= units;
            if (buyLeft == 0 && ++b < buys.size()) {
                buyLeft = buys.get(b).tradingUnits();
            }
            if (sellLeft == 0 && ++s < sells.size()) {
                sellLeft = sells.get(s).tradingUnits();
            }
        }
        if (b < buys.size() || s < sells.size()) {
            throw new IllegalArgumentException("the units bought and sold differ");
        }
        return matches;
    }
}
