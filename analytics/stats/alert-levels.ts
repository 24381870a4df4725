/** Baseline of an alert level: the previous 24 months, of which at least 12 must have data (docs/design.md §7). */
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

/**
 * Alert levels for every point of a monthly series (null = no value that month): each month is
 * compared with mean + 1/2/3 SD of the previous 12–24 months that have values.
 */
export function alertLevels(series: readonly (number | null)[]): AlertPoint[] {
  const points: AlertPoint[] = new Array(series.length);
  for (let t = 0; t < series.length; t++) {
    let count = 0;
    let sum = 0;
    for (let i = Math.max(0, t - ALERT_BASELINE_MONTHS); i < t; i++) {
      const v = series[i];
      if (v === null || v === undefined) continue;
      count++;
      sum += v;
    }
    let levels: AlertLevels | null = null;
    if (count >= ALERT_MIN_BASELINE) {
      const mean = sum / count;
      let squares = 0;
      for (let i = Math.max(0, t - ALERT_BASELINE_MONTHS); i < t; i++) {
        const v = series[i];
        if (v !== null && v !== undefined) squares += (v - mean) ** 2;
      }
      const sd = Math.sqrt(squares / (count - 1));
      levels = { mean, sd, level1: mean + sd, level2: mean + 2 * sd, level3: mean + 3 * sd };
    }
    const value = series[t];
    const above =
      levels === null || value === null || value === undefined
        ? null
        : value > levels.level3
          ? 3
          : value > levels.level2
            ? 2
            : value > levels.level1
              ? 1
              : 0;
    points[t] = { levels, above, triggered: false };
  }
  const atLeast = (t: number, level: number) => t >= 0 && (points[t]!.above ?? 0) >= level;
  for (let t = 0; t < points.length; t++) {
    points[t]!.triggered =
      atLeast(t, 3) ||
      (atLeast(t, 2) && atLeast(t - 1, 2)) ||
      (atLeast(t, 1) && atLeast(t - 1, 1) && atLeast(t - 2, 1));
  }
  return points;
}
