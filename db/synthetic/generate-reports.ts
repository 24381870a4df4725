import {
  type AssignmentCode,
  type FactorCode,
  factors,
  type IncidentTypeCode,
  incidentTypes,
  type LightCode,
  type LossPotentialCode,
  type OfficerBandCode,
  type ServiceBandCode,
  type TimeBlockCode,
  type WeatherCode,
  MAX_FACTORS_PER_REPORT,
} from "../../domain/taxonomy/index";
import type { SyntheticAgency } from "./generate-agencies";
import groundTruth from "./ground-truth.json";
import { monthFromIndex, monthIndex, monthToDate } from "./months";
import { writeNarrative } from "./narratives";
import type { Rng } from "./random";

export interface SyntheticReport {
  id: string;
  publicNumber: string;
  title: string;
  summary: string;
  lessons: string;
  incidentType: IncidentTypeCode;
  lossPotential: LossPotentialCode;
  eventMonth: string;
  timeBlock: TimeBlockCode;
  light: LightCode;
  weather: WeatherCode;
  officersBand: OfficerBandCode;
  assignment: AssignmentCode;
  serviceBand: ServiceBandCode;
  censusRegion: string;
  publishedMonth: string;
  factors: FactorCode[];
  state: string;
  agencyId: string | null;
  agencySizeBand: string | null;
  consentLevel: "national" | "agency_stats" | "agency_share";
}

const END = monthIndex(groundTruth.datasetEndMonth);
const START = END - groundTruth.months + 1;

const incidentWeights: Record<IncidentTypeCode, number> = {
  traffic_stop: 16,
  vehicle_pursuit: 5,
  foot_pursuit: 6,
  emergency_driving: 5,
  roadway_operations: 7,
  domestic_disturbance: 10,
  disturbance_fight: 6,
  welfare_check: 4,
  mental_health_call: 6,
  suspicious_person_vehicle: 7,
  warrant_arrest: 7,
  prisoner_custody: 5,
  crime_in_progress: 5,
  active_threat: 1.5,
  crowd_civil_disturbance: 1.5,
  training: 2,
  off_duty: 2,
  other: 2,
};

// Factors typical of each incident type (weights on top of a small base weight for every factor).
const typical: Record<IncidentTypeCode, Partial<Record<FactorCode, number>>> = {
  traffic_stop: {
    hc_roadway_exposure: 3,
    sa_complacency: 3,
    st_concealed_weapon: 2,
    hc_low_light: 3,
    td_positioning_cover: 2,
    st_flight_resisting: 1.5,
    st_sudden_assault: 1.5,
    sa_distraction: 1.5,
    td_no_backup_wait: 1.5,
  },
  vehicle_pursuit: {
    td_decision_error: 3,
    eq_vehicle_failure: 2,
    hc_weather: 1.5,
    tc_communication_breakdown: 2,
    hf_stress: 2.5,
    eq_radio_failure: 1.5,
    sa_tunnel_vision: 2,
    td_policy_deviation: 2,
  },
  foot_pursuit: {
    sa_tunnel_vision: 3,
    td_no_backup_wait: 3,
    hc_terrain_structure: 3,
    hc_low_light: 2,
    eq_radio_failure: 2,
    st_flight_resisting: 3,
    hf_physical_condition: 2,
    st_concealed_weapon: 1.5,
  },
  emergency_driving: {
    eq_vehicle_failure: 3,
    hc_weather: 3,
    sa_distraction: 3,
    hf_fatigue: 2,
    hf_stress: 2,
    td_decision_error: 2,
    hc_roadway_exposure: 1,
  },
  roadway_operations: {
    hc_roadway_exposure: 5,
    hc_low_light: 2.5,
    hc_weather: 2.5,
    td_positioning_cover: 2,
    eq_armor_ppe: 1.5,
    sa_distraction: 1.5,
  },
  domestic_disturbance: {
    tc_dispatch_info: 3,
    st_sudden_assault: 3,
    st_concealed_weapon: 2.5,
    sa_complacency: 2,
    td_no_backup_wait: 2.5,
    st_impaired_crisis: 2,
    td_positioning_cover: 1.5,
  },
  disturbance_fight: {
    st_multiple_subjects: 3,
    st_sudden_assault: 3,
    tc_backup_staffing: 2.5,
    st_impaired_crisis: 2,
    eq_less_lethal_failure: 1.5,
  },
  welfare_check: {
    sa_complacency: 3,
    tc_dispatch_info: 2.5,
    hc_animal: 2.5,
    st_impaired_crisis: 2,
    st_ambush: 1,
    hc_hazmat_fire: 1,
  },
  mental_health_call: {
    st_impaired_crisis: 5,
    eq_less_lethal_failure: 2.5,
    td_decision_error: 2,
    st_sudden_assault: 2,
    tc_dispatch_info: 2,
    hf_inexperience: 1.5,
  },
  suspicious_person_vehicle: {
    st_concealed_weapon: 3,
    sa_complacency: 3,
    td_inadequate_search: 2.5,
    hc_low_light: 2.5,
    td_positioning_cover: 2,
    st_flight_resisting: 2,
  },
  warrant_arrest: {
    st_concealed_weapon: 3,
    td_inadequate_search: 3,
    st_flight_resisting: 2.5,
    tc_communication_breakdown: 2,
    tc_command_control: 2,
    hc_animal: 1.5,
    eq_restraint_failure: 1.5,
  },
  prisoner_custody: {
    td_inadequate_search: 5,
    st_concealed_weapon: 4,
    eq_restraint_failure: 3,
    sa_complacency: 2.5,
    st_sudden_assault: 2,
  },
  crime_in_progress: {
    tc_dispatch_info: 2.5,
    td_no_backup_wait: 2.5,
    td_positioning_cover: 2.5,
    tc_crossfire: 1.5,
    st_ambush: 1,
    hf_stress: 2,
  },
  active_threat: {
    tc_crossfire: 3,
    tc_command_control: 3,
    tc_communication_breakdown: 2.5,
    st_ambush: 2,
    eq_radio_failure: 2,
    hf_stress: 2.5,
  },
  crowd_civil_disturbance: {
    st_multiple_subjects: 5,
    tc_command_control: 3,
    eq_armor_ppe: 2,
    tc_communication_breakdown: 2,
    eq_less_lethal_failure: 1.5,
  },
  training: { eq_firearm_malfunction: 3, td_policy_deviation: 3, hf_inexperience: 3, sa_lapse: 2, tc_crossfire: 1.5 },
  off_duty: {
    sa_lapse: 2,
    st_sudden_assault: 2,
    st_ambush: 1.5,
    tc_backup_staffing: 2,
    eq_armor_ppe: 1.5,
    st_concealed_weapon: 1.5,
  },
  other: { sa_lapse: 2, other: 4, hf_fatigue: 1.5 },
};

const factorCodes = factors.map((f) => f.code) as FactorCode[];
const factorIndex = new Map(factorCodes.map((code, i) => [code, i]));
const baseWeightsByIncident = new Map<IncidentTypeCode, number[]>(
  incidentTypes.map(({ code }) => [
    code,
    factorCodes.map((f) => (f === "other" ? 0.15 : 0.3) + (typical[code][f] ?? 0)),
  ]),
);

type Signal = (typeof groundTruth.signals)[number];
const signals = groundTruth.signals as readonly Signal[];

/** Multiplies selection weights where a planted signal applies (see ground-truth.json). */
function plantSignals(weights: number[], month: number, region: string, agencyName: string): number[] {
  let out = weights;
  for (const s of signals) {
    const applies =
      (s.kind === "regional_rise" && region === s.censusRegion && month >= monthIndex(s.fromMonth!)) ||
      (s.kind === "agency_excess" && agencyName === s.agencyName) ||
      (s.kind === "national_cluster" && month >= monthIndex(s.fromMonth!) && month <= monthIndex(s.toMonth!));
    if (!applies) continue;
    if (out === weights) out = [...weights];
    const i = factorIndex.get(s.factor as FactorCode)!;
    out[i] = out[i]! * s.multiplier;
  }
  return out;
}

function sampleFactors(rng: Rng, weights: number[]): FactorCode[] {
  const count = 1 + rng.weightedIndex([20, 35, 28, 12, 5]);
  const w = [...weights];
  const chosen: FactorCode[] = [];
  for (let k = 0; k < count; k++) {
    const i = rng.weightedIndex(w);
    chosen.push(factorCodes[i]!);
    w[i] = 0;
  }
  return chosen;
}

function addIfAbsent(list: FactorCode[], code: FactorCode): void {
  if (!list.includes(code) && list.length < MAX_FACTORS_PER_REPORT) list.push(code);
}

function timeBlockFor(rng: Rng, incident: IncidentTypeCode): TimeBlockCode {
  const nightHeavy = ["traffic_stop", "disturbance_fight", "suspicious_person_vehicle", "crime_in_progress"].includes(
    incident,
  );
  const weights = nightHeavy
    ? [22, 8, 9, 12, 20, 29]
    : incident === "warrant_arrest"
      ? [6, 30, 24, 16, 12, 12]
      : [12, 8, 17, 21, 22, 20];
  return rng.weighted(["00-04", "04-08", "08-12", "12-16", "16-20", "20-24"] as const, weights);
}

function lightFor(rng: Rng, block: TimeBlockCode, calendarMonth: number): LightCode {
  const winter = calendarMonth <= 2 || calendarMonth >= 11;
  if (block === "00-04" || block === "20-24" || (winter && block === "16-20" && rng.chance(0.5))) {
    return rng.chance(0.55) ? "dark_lit" : "dark_unlit";
  }
  if (block === "04-08")
    return winter ? (rng.chance(0.6) ? "dark_unlit" : "dusk_dawn") : rng.chance(0.6) ? "dusk_dawn" : "daylight";
  if (block === "16-20" && rng.chance(0.3)) return "dusk_dawn";
  return "daylight";
}

function weatherFor(rng: Rng, incident: IncidentTypeCode, region: string, calendarMonth: number): WeatherCode {
  if ((incident === "prisoner_custody" || incident === "training") && rng.chance(0.7)) return "indoors";
  const winter = calendarMonth <= 2 || calendarMonth === 12;
  const summer = calendarMonth >= 6 && calendarMonth <= 8;
  const cold = region === "midwest" || region === "northeast";
  const w: Record<WeatherCode, number> = {
    clear: 60,
    rain: 15,
    snow_ice: winter ? (cold ? 18 : 3) : 0,
    fog: 4,
    wind: 4,
    extreme_heat: summer && (region === "south" || region === "west") ? 10 : 0,
    indoors: 8,
  };
  const codes = Object.keys(w) as WeatherCode[];
  return rng.weighted(
    codes,
    codes.map((c) => w[c]),
  );
}

function officersFor(rng: Rng, incident: IncidentTypeCode): OfficerBandCode {
  if (incident === "crowd_civil_disturbance" || incident === "active_threat")
    return rng.weighted(["1", "2", "3-5", "6+"] as const, [3, 7, 30, 60]);
  if (incident === "traffic_stop" || incident === "emergency_driving" || incident === "off_duty")
    return rng.weighted(["1", "2", "3-5", "6+"] as const, [60, 28, 10, 2]);
  if (incident === "warrant_arrest") return rng.weighted(["1", "2", "3-5", "6+"] as const, [5, 30, 45, 20]);
  return rng.weighted(["1", "2", "3-5", "6+"] as const, [25, 45, 25, 5]);
}

function assignmentFor(rng: Rng, incident: IncidentTypeCode): AssignmentCode {
  if (incident === "off_duty") return "off_duty";
  if (incident === "prisoner_custody") return rng.chance(0.6) ? "corrections" : "patrol";
  if (incident === "roadway_operations" || incident === "traffic_stop") return rng.chance(0.3) ? "traffic" : "patrol";
  if (incident === "warrant_arrest")
    return rng.weighted(["patrol", "investigations", "tactical"] as const, [40, 35, 25]);
  if (incident === "active_threat") return rng.chance(0.2) ? "tactical" : "patrol";
  if (incident === "training") return rng.weighted(["patrol", "tactical", "other"] as const, [60, 20, 20]);
  return rng.weighted(["patrol", "investigations", "school", "other"] as const, [86, 6, 3, 5]);
}

const SEVERE = new Set<FactorCode>([
  "st_ambush",
  "tc_crossfire",
  "eq_firearm_malfunction",
  "st_concealed_weapon",
  "hc_roadway_exposure",
]);

function lossFor(rng: Rng, incident: IncidentTypeCode, chosen: readonly FactorCode[]): LossPotentialCode {
  const codes = ["fatality", "serious_injury", "minor_injury", "property_damage"] as const;
  if (chosen.some((f) => SEVERE.has(f))) return rng.weighted(codes, [38, 40, 17, 5]);
  if (incident === "emergency_driving" || chosen.includes("eq_vehicle_failure"))
    return rng.weighted(codes, [15, 35, 20, 30]);
  return rng.weighted(codes, [18, 42, 30, 10]);
}

function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

function pickCumulative(rng: Rng, cum: Float64Array): number {
  const r = rng.float() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Generates `count` published reports over the ten years that end at the ground truth's end month:
 * more reports in later years (programme growth) and in summer, factors that depend on the incident
 * type and co-occur as they do in practice, and the planted signals of ground-truth.json.
 */
export function* generateReports(
  rng: Rng,
  count: number,
  agencies: readonly SyntheticAgency[],
): Generator<SyntheticReport> {
  const monthWeights = Array.from({ length: groundTruth.months }, (_, t) => {
    const calendar = (START + t) % 12; // 0 = January
    return (0.55 + (0.9 * t) / (groundTruth.months - 1)) * (1 + 0.15 * Math.cos((2 * Math.PI * (calendar - 6)) / 12));
  });
  const monthCum = cumulative(monthWeights);
  const agencyCum = cumulative(agencies.map((a) => a.reportWeight));
  const incidentCodes = incidentTypes.map((i) => i.code) as IncidentTypeCode[];
  const incidentW = incidentCodes.map((c) => incidentWeights[c]);
  const sequenceByYear = new Map<number, number>();

  for (let n = 0; n < count; n++) {
    const month = START + pickCumulative(rng, monthCum);
    const calendarMonth = (month % 12) + 1;
    const agency = agencies[pickCumulative(rng, agencyCum)]!;
    const incident = rng.weighted(incidentCodes, incidentW);
    const timeBlock = timeBlockFor(rng, incident);
    const light = lightFor(rng, timeBlock, calendarMonth);
    const weather = weatherFor(rng, incident, agency.censusRegion, calendarMonth);
    const weights = plantSignals(baseWeightsByIncident.get(incident)!, month, agency.censusRegion, agency.name);
    const chosen = sampleFactors(rng, weights);
    if (light.startsWith("dark") && rng.chance(0.35)) addIfAbsent(chosen, "hc_low_light");
    if (chosen.includes("st_concealed_weapon") && rng.chance(0.45)) addIfAbsent(chosen, "td_inadequate_search");
    if (weather !== "clear" && weather !== "indoors" && rng.chance(0.3)) addIfAbsent(chosen, "hc_weather");
    if ((timeBlock === "00-04" || timeBlock === "04-08") && rng.chance(0.08)) addIfAbsent(chosen, "hf_fatigue");
    const lossPotential = lossFor(rng, incident, chosen);
    const consentLevel = rng.weighted(["national", "agency_stats", "agency_share"] as const, [50, 32, 18]);
    const linked = consentLevel !== "national";
    const publishedMonth = Math.min(END, month + rng.int(1, 4));
    const publishedYear = Math.floor(publishedMonth / 12);
    const narrative = writeNarrative(rng, { incidentType: incident, factors: chosen, lossPotential });
    const sequence = (sequenceByYear.get(publishedYear) ?? 0) + 1;
    sequenceByYear.set(publishedYear, sequence);
    yield {
      id: rng.uuid(),
      // Sequence in generation order, which is random with respect to event time; real publication
      // numbers are assigned at batch publication (see the Review workflow).
      publicNumber: `${publishedYear}-${String(sequence).padStart(5, "0")}`,
      ...narrative,
      incidentType: incident,
      lossPotential,
      eventMonth: monthToDate(monthFromIndex(month)),
      timeBlock,
      light,
      weather,
      officersBand: officersFor(rng, incident),
      assignment: assignmentFor(rng, incident),
      serviceBand: rng.weighted(["0-2", "3-5", "6-10", "11-20", "21+"] as const, [18, 22, 25, 25, 10]),
      censusRegion: agency.censusRegion,
      publishedMonth: monthToDate(monthFromIndex(publishedMonth)),
      factors: chosen,
      state: agency.state,
      agencyId: linked ? agency.id : null,
      agencySizeBand: linked ? agency.sizeBand : null,
      consentLevel,
    };
  }
}
