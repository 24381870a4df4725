/**
 * Budgets for the JavaScript and CSS a first visit loads (gzip bytes as sent, no HTTP cache), checked
 * by performance-budget.test.ts on every `npm test`. KB = 1,024 bytes. The page budgets are the figures
 * measured when they were set plus about 25% headroom; the agency dashboard's JS budget is docs/design.md §9's.
 * A page that outgrows its budget should lose weight (split a chunk, lazy-load), not raise the budget
 * without a reason written here.
 *
 * Measured 2026-11-29 (Remix 2.17 production build): home 93.7 KB JS, 4.7 KB CSS; report form
 * 117.9 KB JS, 3.6 KB CSS (React, Remix, zod, the ALTCHA solver and the taxonomy); agency dashboard
 * 335.9 KB JS, 3.7 KB CSS.
 */
export const KB = 1024;

export interface PageBudget {
  name: string;
  path: string;
  /** A demo account to sign in with first, for pages behind sign-in. */
  account?: string;
  js: number;
  css: number;
}

export const PAGE_BUDGETS: PageBudget[] = [
  { name: "home page", path: "/", js: 120 * KB, css: 8 * KB },
  { name: "report form", path: "/report", js: 150 * KB, css: 8 * KB },
  // docs/design.md §9's limit for the dashboard's JS; ECharts is most of it (imported per chart type).
  {
    name: "agency dashboard",
    path: "/agency",
    account: "analyst@metro.demo.closecall.test",
    js: 350 * KB,
    css: 8 * KB,
  },
];
