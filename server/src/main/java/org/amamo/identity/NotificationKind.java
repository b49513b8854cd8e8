package org.amamo.identity;

/**
 * The kinds of notification a user may also receive by e-mail: only those the system makes (a kind is added here
 * when its feature notifies; the settings page offers every kind listed). Those a user must act on are always mailed; the
 * others each user may turn off on the account's notification settings.
 */
public enum NotificationKind {
    APPLICATION_RETURNED(true),
    FEE_REQUESTED(true),
    /** The secretariat set the date, time and place of an application's on-site hearing: the applicants attend. */
    HEARING_SCHEDULED(true),
    REVIEW_ASSIGNED(true),
    PUBLIC_COMMENT_OPENED(false),
    CERTIFIED_OR_REJECTED(false),
    /** A bid was allocated credits: the buyer must pay by the round's payment deadline. */
    BID_ALLOCATED(true),
    /** A reminder that an allocation is still unpaid a few days before its payment deadline. */
    PAYMENT_DUE(true),
    PAYMENT_LAPSED(false),
    /** Credits were issued to a holding account the user acts for (an initial holder). */
    CREDITS_ISSUED(false),
    /** Credits were transferred (or delivered by the market) to a holding account the user acts for. */
    TRANSFER_RECEIVED(false),
    /** A retirement was recorded from a holding account the user acts for. */
    RETIREMENT_RECORDED(false);

    private final boolean mustAct;

    NotificationKind(boolean mustAct) {
        this.mustAct = mustAct;
    }

    /** Whether the user must act on it: such a notification is always mailed and cannot be turned off. */
    public boolean mustAct() {
        return mustAct;
    }
}
