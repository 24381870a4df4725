/** A piece of the officer's text: plain, or one mention of a finding (browser-safe type). */
export interface Segment {
  text: string;
  finding?: { id: string; type: string; status: string; replacement: string };
}
