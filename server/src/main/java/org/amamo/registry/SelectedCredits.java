package org.amamo.registry;

/**
 * The credits a holder names for a market consignment or a reported trade, as the request gave them (each may be
 * null or blank): at most one of a batch serial ({@code JBC-2025-0003-01}: its lowest serials in the account), a serial
 * range within one batch whose count is the operation's units (exactly those serials), or a project code with a
 * vintage (the lowest serials of that project's batches of the vintage, lowest batch first, all from one batch).
 */
public record SelectedCredits(String batch, String serialRange, String projectCode, Integer vintage) {

    /** No selection: the request names its batch by id. */
    public static final SelectedCredits NONE = new SelectedCredits(null, null, null, null);

    public static SelectedCredits ofSerialRange(String serialRange) {
        return new SelectedCredits(null, serialRange, null, null);
    }

    /** Whether any of the selection's fields is given. */
    public boolean given() {
        return filled(batch) || filled(serialRange) || filled(projectCode) || vintage != null;
    }

    private static boolean filled(String text) {
        return text != null && !text.isBlank();
    }
}
