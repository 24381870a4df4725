/** Baseline of an alert level: the previous 24 months, of which at least 12 must have data (DESIGN §7). */
export const ALERT_BASELINE_MONTHS = 24;
export const ALERT_MIN_BASELINE = 12;

export interface AlertLevels {
  mean: number;
  sd: number;
  /** mean + 1, 2 and 3 SD. */
  level1: number;
  level2: number;
  level3: number;
}

export interface AlertPoint {
  levels: AlertLevels | null;
  /** Highest level the value is above (0 when none, null without a baseline or value). */
  above: 0 | 1 | 2 | 3 | null;
  /**
   * The ICAO trigger (Doc 9859 safety performance indicators): one point above level 3, two consecutive
   * above level 2, or three consecutive above level 1.
   */
  triggered: boolean;
}

function levelsOf(baseline: number[]): AlertLevels | null {
  if (baseline.length < ALERT_MIN_BASELINE) return null;
  const mean = baseline.reduce((s, v) => s + v, 0) / baseline.length;
  const variance = baseline.reduce((s, v) => s + (v - mean) ** 2, 0) / (baseline.length - 1);
  const sd = Math.sqrt(variance);
  return { mean, sd, level1: mean + sd, level2: mean + 2 * sd, level3: mean + 3 * sd };
}

/**
 * Alert levels for every point of a monthly series (null = no value that month): each month is
 * compared with mean + 1/2/3 SD of the previous 12–24 months that have values.
 */
export function alertLevels(series: readonly (number | null)[]): AlertPoint[] {
  const above: (0 | 1 | 2 | 3 | null)[] = [];
  const points: AlertPoint[] = series.map((value, t) => {
    const baseline = series.slice(Math.max(0, t - ALERT_BASELINE_MONTHS), t).filter((v): v is number => v !== null);
    const levels = levelsOf(baseline);
    const level = levels === null || value === null ? null : value > levels.level3 ? 3 : value > levels.level2 ? 2 : value > levels.level1 ? 1 : 0;
    above.push(level);
    return { levels, above: level, triggered: false };
  });
  const atLeast = (t: number, level: number) => (above[t] ?? 0) >= level && above[t] !== null;
  points.forEach((point, t) => {
    point.triggered = atLeast(t, 3) || (atLeast(t, 2) && atLeast(t - 1, 2)) || (atLeast(t, 1) && atLeast(t - 1, 1) && atLeast(t - 2, 1));
  });
  return points;
}
