/**
 * A published report's number: its year of publication and its place in that year, at least five digits
 * (2024-00413). Past 99,999 reports in a year the place simply grows (2026-146461): a national programme at a
 * million reports publishes more than that in a year.
 */
export const PUBLIC_NUMBER = /^\d{4}-\d{5,9}$/;
