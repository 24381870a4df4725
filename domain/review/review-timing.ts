// The review workflow's waiting times that officers are told about (receipt page) and that the daily
// job enforces (db/review/retention.ts). Browser-safe: plain constants.

/** After this many days without an answer, a report waiting for the officer goes back to review. */
export const QUESTION_TIMEOUT_DAYS = 14;
