package org.amamo.registry.internal;

/** What an account is for; the kind decides which status its blocks carry. */
public enum AccountKind {
    /** 保有口座: a user's or organisation's credits, which they may transfer and retire. */
    HOLDING,
    /** 発行口座: the scheme's account through which every issued batch passes to its initial holders. */
    ISSUANCE,
    /** 無効化口座: one per vintage; retired units rest here for ever. */
    RETIREMENT,
    /** 取消口座: the scheme's account for units cancelled by the secretariat; they rest here for ever. */
    CANCELLATION,
    /**
     * エスクロー口座: one per market solicitation round. Consigned units rest here, active but nobody's: only the
     * market's settlement ({@link org.amamo.registry.MarketSettlement}) moves them out, to a buyer, into retirement
     * or back to their consignor.
     */
    ESCROW,
    /**
     * バッファ口座: one per programme (owner key {@code B:<programme code>}). At issuance it receives the programme's
     * buffer share of each batch, a serial range of that batch; a reversal cancels units from it. Nobody owns it and
     * no transfer, retirement or market move takes from it ({@link BufferDesk}).
     */
    BUFFER;

    /** The only status a block in an account of this kind may have. */
    BlockStatus blockStatus() {
        return switch (this) {
            case HOLDING, ISSUANCE, ESCROW, BUFFER -> BlockStatus.ACTIVE;
            case RETIREMENT -> BlockStatus.RETIRED;
            case CANCELLATION -> BlockStatus.CANCELLED;
        };
    }
}
