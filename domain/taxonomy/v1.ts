// Taxonomy v1 (docs/design.md §5). Pure data: safe for the browser bundle and for migrations.
// Codes are stable identifiers stored in the database; labels are what people read.

export const TAXONOMY_VERSION = 1;

export const factorFamilies = [
  { code: "situational_awareness", label: "Situational awareness" },
  { code: "subject_threat", label: "Subject / threat" },
  { code: "equipment", label: "Equipment" },
  { code: "hazardous_conditions", label: "Hazardous conditions" },
  { code: "tactics_decisions", label: "Tactics & decisions" },
  { code: "team_communication", label: "Team & communication" },
  { code: "human_factors", label: "Human factors" },
  { code: "other", label: "Other" },
] as const;

export type FactorFamilyCode = (typeof factorFamilies)[number]["code"];

export const factors = [
  {
    code: "sa_lapse",
    family: "situational_awareness",
    label: "Lapse in situational awareness",
    plain: "I lost track of what was going on around me",
  },
  {
    code: "sa_complacency",
    family: "situational_awareness",
    label: "Complacency / routine-call assumption",
    plain: "It seemed like a routine call",
  },
  {
    code: "sa_tunnel_vision",
    family: "situational_awareness",
    label: "Tunnel vision / task fixation",
    plain: "I was focused on one task and missed others",
  },
  {
    code: "sa_distraction",
    family: "situational_awareness",
    label: "Distraction (MDT, phone, radio)",
    plain: "I was distracted by the MDT, phone or radio",
  },
  {
    code: "st_concealed_weapon",
    family: "subject_threat",
    label: "Concealed or missed weapon (search failure)",
    plain: "A weapon was hidden or missed in a search",
  },
  {
    code: "st_ambush",
    family: "subject_threat",
    label: "Ambush / unprovoked attack",
    plain: "We were attacked without warning",
  },
  {
    code: "st_sudden_assault",
    family: "subject_threat",
    label: "Sudden assault on officer",
    plain: "The subject suddenly assaulted an officer",
  },
  {
    code: "st_flight_resisting",
    family: "subject_threat",
    label: "Flight / resisting",
    plain: "The subject ran or resisted",
  },
  {
    code: "st_impaired_crisis",
    family: "subject_threat",
    label: "Impaired or mental-health-crisis subject",
    plain: "The subject was impaired or in a mental-health crisis",
  },
  {
    code: "st_multiple_subjects",
    family: "subject_threat",
    label: "Multiple subjects / crowd",
    plain: "There were several subjects or a crowd",
  },
  {
    code: "eq_firearm_malfunction",
    family: "equipment",
    label: "Firearm malfunction",
    plain: "A firearm malfunctioned",
  },
  {
    code: "eq_radio_failure",
    family: "equipment",
    label: "Radio / communications failure",
    plain: "The radio or communications failed",
  },
  { code: "eq_vehicle_failure", family: "equipment", label: "Vehicle failure", plain: "A vehicle failed" },
  {
    code: "eq_less_lethal_failure",
    family: "equipment",
    label: "Less-lethal device failure",
    plain: "A less-lethal device did not work",
  },
  {
    code: "eq_armor_ppe",
    family: "equipment",
    label: "Body armor / PPE issue",
    plain: "Body armor or protective equipment was missing or failed",
  },
  {
    code: "eq_restraint_failure",
    family: "equipment",
    label: "Restraint failure",
    plain: "Handcuffs or other restraints failed",
  },
  {
    code: "hc_low_light",
    family: "hazardous_conditions",
    label: "Low light / darkness",
    plain: "It was dark or poorly lit",
  },
  { code: "hc_weather", family: "hazardous_conditions", label: "Weather", plain: "The weather made it worse" },
  {
    code: "hc_roadway_exposure",
    family: "hazardous_conditions",
    label: "Roadway / traffic exposure (struck-by)",
    plain: "Passing traffic nearly hit someone",
  },
  {
    code: "hc_terrain_structure",
    family: "hazardous_conditions",
    label: "Terrain or structure hazard",
    plain: "The ground or a building was dangerous",
  },
  {
    code: "hc_hazmat_fire",
    family: "hazardous_conditions",
    label: "Hazardous materials / fire",
    plain: "There were hazardous materials or fire",
  },
  { code: "hc_animal", family: "hazardous_conditions", label: "Animal", plain: "An animal was involved" },
  {
    code: "td_positioning_cover",
    family: "tactics_decisions",
    label: "Poor positioning / cover",
    plain: "Our position or cover was poor",
  },
  {
    code: "td_no_backup_wait",
    family: "tactics_decisions",
    label: "Approach without waiting for backup",
    plain: "We went in without waiting for backup",
  },
  {
    code: "td_inadequate_search",
    family: "tactics_decisions",
    label: "Inadequate search or pat-down",
    plain: "The search or pat-down was not thorough",
  },
  {
    code: "td_decision_error",
    family: "tactics_decisions",
    label: "Risk-assessment / decision error",
    plain: "A decision turned out to be risky",
  },
  {
    code: "td_policy_deviation",
    family: "tactics_decisions",
    label: "Deviation from policy or training",
    plain: "We did not follow policy or training",
  },
  {
    code: "tc_communication_breakdown",
    family: "team_communication",
    label: "Communication breakdown",
    plain: "Communication between us broke down",
  },
  {
    code: "tc_dispatch_info",
    family: "team_communication",
    label: "Incomplete or wrong dispatch information",
    plain: "Dispatch information was incomplete or wrong",
  },
  {
    code: "tc_backup_staffing",
    family: "team_communication",
    label: "Inadequate backup / staffing",
    plain: "There was not enough backup or staff",
  },
  {
    code: "tc_crossfire",
    family: "team_communication",
    label: "Crossfire / friendly-fire risk",
    plain: "Officers were at risk from each other's fire",
  },
  {
    code: "tc_command_control",
    family: "team_communication",
    label: "Command and control",
    plain: "It was unclear who was in charge",
  },
  { code: "hf_fatigue", family: "human_factors", label: "Fatigue", plain: "I or others were tired" },
  {
    code: "hf_stress",
    family: "human_factors",
    label: "Stress / time pressure",
    plain: "There was stress or time pressure",
  },
  {
    code: "hf_inexperience",
    family: "human_factors",
    label: "Inexperience / training gap",
    plain: "Inexperience or a gap in training",
  },
  {
    code: "hf_physical_condition",
    family: "human_factors",
    label: "Physical condition",
    plain: "Physical condition played a part",
  },
  { code: "other", family: "other", label: "Other", plain: "Something else" },
] as const satisfies readonly { code: string; family: FactorFamilyCode; label: string; plain: string }[];

export type FactorCode = (typeof factors)[number]["code"];

export const incidentTypes = [
  { code: "traffic_stop", label: "Traffic stop" },
  { code: "vehicle_pursuit", label: "Vehicle pursuit" },
  { code: "foot_pursuit", label: "Foot pursuit" },
  { code: "emergency_driving", label: "Emergency driving / vehicle operations" },
  { code: "roadway_operations", label: "Roadway operations (crash scene, traffic control, spike strips)" },
  { code: "domestic_disturbance", label: "Domestic disturbance" },
  { code: "disturbance_fight", label: "Disturbance / fight" },
  { code: "welfare_check", label: "Welfare check" },
  { code: "mental_health_call", label: "Mental-health call" },
  { code: "suspicious_person_vehicle", label: "Suspicious person or vehicle" },
  { code: "warrant_arrest", label: "Warrant service / arrest" },
  { code: "prisoner_custody", label: "Prisoner search, transport and custody" },
  { code: "crime_in_progress", label: "Crime in progress" },
  { code: "active_threat", label: "Active threat" },
  { code: "crowd_civil_disturbance", label: "Crowd / civil disturbance" },
  { code: "training", label: "Training (range, scenario)" },
  { code: "off_duty", label: "Off-duty" },
  { code: "other", label: "Other" },
] as const;

export type IncidentTypeCode = (typeof incidentTypes)[number]["code"];

export const lossPotentials = [
  { code: "fatality", label: "Fatality" },
  { code: "serious_injury", label: "Serious injury" },
  { code: "minor_injury", label: "Minor injury" },
  { code: "property_damage", label: "Property damage only" },
] as const;

export const timeBlocks = [
  { code: "00-04", label: "00:00–03:59" },
  { code: "04-08", label: "04:00–07:59" },
  { code: "08-12", label: "08:00–11:59" },
  { code: "12-16", label: "12:00–15:59" },
  { code: "16-20", label: "16:00–19:59" },
  { code: "20-24", label: "20:00–23:59" },
] as const;

export const lightConditions = [
  { code: "daylight", label: "Daylight" },
  { code: "dusk_dawn", label: "Dusk / dawn" },
  { code: "dark_lit", label: "Dark, lit" },
  { code: "dark_unlit", label: "Dark, unlit" },
] as const;

export const weatherConditions = [
  { code: "clear", label: "Clear" },
  { code: "rain", label: "Rain" },
  { code: "snow_ice", label: "Snow / ice" },
  { code: "fog", label: "Fog" },
  { code: "wind", label: "High wind" },
  { code: "extreme_heat", label: "Extreme heat" },
  { code: "indoors", label: "Indoors / not relevant" },
] as const;

export const officerBands = [
  { code: "1", label: "1 officer" },
  { code: "2", label: "2 officers" },
  { code: "3-5", label: "3–5 officers" },
  { code: "6+", label: "6 or more officers" },
] as const;

export const assignments = [
  { code: "patrol", label: "Patrol" },
  { code: "traffic", label: "Traffic" },
  { code: "investigations", label: "Investigations" },
  { code: "corrections", label: "Corrections" },
  { code: "tactical", label: "Tactical" },
  { code: "school", label: "School" },
  { code: "off_duty", label: "Off-duty" },
  { code: "other", label: "Other" },
] as const;

export const serviceBands = [
  { code: "0-2", label: "Under 3 years" },
  { code: "3-5", label: "3–5 years" },
  { code: "6-10", label: "6–10 years" },
  { code: "11-20", label: "11–20 years" },
  { code: "21+", label: "21 years or more" },
] as const;

export const censusRegions = [
  { code: "northeast", label: "Northeast" },
  { code: "midwest", label: "Midwest" },
  { code: "south", label: "South" },
  { code: "west", label: "West" },
] as const;

/** Protected (docs/design.md §6): never shown on a report. */
export const agencySizeBands = [
  { code: "1-24", label: "1–24 sworn" },
  { code: "25-99", label: "25–99 sworn" },
  { code: "100-499", label: "100–499 sworn" },
  { code: "500+", label: "500 or more sworn" },
] as const;

/** The officer's choice on the form (docs/design.md §6). Protected. */
export const consentLevels = [
  { code: "national", label: "National only: no link to my agency is stored" },
  { code: "agency_stats", label: "Count toward my agency's statistics" },
  { code: "agency_share", label: "Share the de-identified report with my agency's team" },
] as const;
