-- Payment reminders (issue 20, item 4): when the market reminded the buyer that an allocation is still unpaid before
-- its payment deadline. Set once, by the same statement that decides to remind, so a reminder is sent once per
-- allocation whatever restarts or instances there are. Existing allocations have not been reminded (NULL): those
-- still awaiting payment near their deadline get their reminder.
ALTER TABLE market_allocation ADD COLUMN payment_reminded_at TIMESTAMP WITH TIME ZONE;
