package org.gonghui.calendar;

/**
 * Fired (synchronous CDI event, inside the transaction) after the schedule of {@code year} was stored,
 * so that open deadlines falling in or after that year are recomputed in the same transaction.
 */
public record WorkingCalendarChanged(int year) {}
