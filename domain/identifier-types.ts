/** What the detector can find. Codes are stable: the CLI prints them and drafts store them. */
export const identifierTypes = [
  "PERSON",
  "BADGE_OR_UNIT",
  "AGENCY",
  "LOCATION",
  "DATE",
  "TIME",
  "CASE_NUMBER",
  "PLATE",
  "VIN",
  "PHONE",
  "EMAIL",
  "RADIO_CHANNEL",
  "NCIC",
  "SERIAL_NUMBER",
] as const;

export type IdentifierType = (typeof identifierTypes)[number];

/** One identifier in a text: `end` is exclusive, offsets count UTF-16 code units (JavaScript string indices). */
export interface Finding {
  type: IdentifierType;
  start: number;
  end: number;
  text: string;
}

export const identifierTypeLabels: Record<IdentifierType, string> = {
  PERSON: "Name",
  BADGE_OR_UNIT: "Badge, unit or call sign",
  AGENCY: "Agency",
  LOCATION: "Place",
  DATE: "Date",
  TIME: "Time",
  CASE_NUMBER: "Case or report number",
  PLATE: "Licence plate",
  VIN: "VIN",
  PHONE: "Phone number",
  EMAIL: "Email",
  RADIO_CHANNEL: "Radio channel",
  NCIC: "NCIC / III result",
  SERIAL_NUMBER: "Equipment serial number",
};
