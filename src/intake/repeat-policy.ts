/**
 * Policy: an appeal is a repeat of an earlier one from the same IIN in the same category when
 * that one is still open, or was registered within this many days.
 */
export const REPEAT_WINDOW_DAYS = 365;
