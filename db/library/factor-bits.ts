// Factors and factor families as bits of one integer per report. List columns made the 1M-report
// facet counts slow (unnest and list_has_any: 200–300 ms); bit tests run in a few ms.
// Bits follow the taxonomy's order; codes outside the current taxonomy have no bit and are not
// filterable (a new taxonomy version brings its own migration and rebuild).
import { factorFamilies, factors, familyOfFactor } from "../../domain/taxonomy/index";

export const FACTOR_CODES: readonly string[] = factors.map((f) => f.code);
export const FAMILY_CODES: readonly string[] = factorFamilies.map((f) => f.code);

function maskOf(all: readonly string[], codes: readonly string[]): number {
  let mask = 0;
  for (const code of new Set(codes)) {
    const bit = all.indexOf(code);
    if (bit >= 0) mask += 2 ** bit; // arithmetic, not <<: masks exceed 32 bits
  }
  return mask;
}

function codesOf(all: readonly string[], mask: number): string[] {
  return all.filter((_, bit) => Math.floor(mask / 2 ** bit) % 2 === 1);
}

export const factorMask = (codes: readonly string[]) => maskOf(FACTOR_CODES, codes);
export const familyMask = (codes: readonly string[]) => maskOf(FAMILY_CODES, codes);
export const factorsOfMask = (mask: number) => codesOf(FACTOR_CODES, mask);

/** Families of a set of factors. */
export function familiesOf(codes: readonly string[]): string[] {
  return [...new Set(codes.map(familyOfFactor).filter((f): f is string => f !== undefined))];
}
