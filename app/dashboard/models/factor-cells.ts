import type { ShareFigures } from "../view-types";

/**
 * The cells every factor-profile table row starts with: the factor, and population A's count and share.
 * Population B differs by table (absent for a lone population, always there for two periods), so each
 * table adds its own.
 */
export function factorCells(r: { factor: string; label: string; family: string; a: ShareFigures }) {
  return { factor: r.factor, label: r.label, family: r.family, aCount: r.a.count, aShare: r.a.share };
}
