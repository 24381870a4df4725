import { describe, expect, it } from "vitest";
import { detectIdentifiers } from "./detect";
import { parseLabelled } from "./corpus/parse";
import { defaultReplacement } from "./replacement";
import { hasValidVinCheckDigit } from "./rules/vehicle";

const types = (text: string) => detectIdentifiers(text).map((f) => `${f.type}:${f.text}`);

describe("detectIdentifiers", () => {
  it("returns offsets into the text, end exclusive, sorted and never overlapping", () => {
    const text = "Call Sgt. Ann Lee at (312) 555-0147 or ann.lee@example.org before 0300 hrs.";
    const findings = detectIdentifiers(text);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    for (let i = 1; i < findings.length; i += 1)
      expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
    expect(types(text)).toEqual([
      "PERSON:Ann Lee",
      "PHONE:(312) 555-0147",
      "EMAIL:ann.lee@example.org",
      "TIME:0300 hrs",
    ]);
  });

  it("validates VIN check digits, and accepts a mistyped VIN only after the word VIN", () => {
    expect(hasValidVinCheckDigit("1HGCM82690A004352")).toBe(true);
    expect(hasValidVinCheckDigit("1HGCM82630A004352")).toBe(false);
    expect(types("Found 1HGCM82690A004352 on the dash")).toEqual(["VIN:1HGCM82690A004352"]);
    expect(types("Found 1HGCM82630A004352 on the dash")).toEqual([]);
    expect(types("VIN 1HGCM82630A004352 was scratched")).toEqual(["VIN:1HGCM82630A004352"]);
  });

  it("needs a context word for plates and badges, so ordinary numbers stay", () => {
    expect(types("Ohio plate HJK 4402 came back clear")).toEqual(["LOCATION:Ohio", "PLATE:HJK 4402"]);
    expect(types("We waited 10 minutes for 2 more units")).toEqual([]);
    expect(types("badge #4471 was on the report")).toEqual(["BADGE_OR_UNIT:4471"]);
  });

  it("keeps a street number apart from a 24-hour time", () => {
    expect(types("We went to 1600 N. Oak at 2245.")).toEqual(["LOCATION:1600 N. Oak", "TIME:2245"]);
  });

  it("finds every other mention of a name it found once", () => {
    expect(types("My partner Rick and I knocked. The man punched Rick.")).toEqual(["PERSON:Rick", "PERSON:Rick"]);
  });

  it("reads a title before a surname that is also a word, and several names after a plural title (issue 16)", () => {
    expect(types("Det. Ford and Lt. May held the house.")).toEqual(["PERSON:Ford", "PERSON:May"]);
    expect(types("Officers Diaz and Lee went in.")).toEqual(["PERSON:Diaz", "PERSON:Lee"]);
    expect(types("My sergeant, Whitaker, told us to wait.")).toEqual(["PERSON:Whitaker"]);
    expect(types("We heard Officer Down on the radio. Major Crimes took the case.")).toEqual([]);
  });

  it("finds named venues, towns, record and serial numbers, and plates beside a state's name (issue 16)", () => {
    expect(types("A fight at Club Velvet spilled into the lot of the Rialto.")).toEqual([
      "LOCATION:Club Velvet",
      "LOCATION:Rialto",
    ]);
    expect(types("Off duty at Sal's Pizza I saw it.")).toEqual(["LOCATION:Sal's Pizza"]);
    expect(types("The pursuit came from Springfield, just outside of Tulsa.")).toEqual([
      "LOCATION:Springfield",
      "LOCATION:Tulsa",
    ]);
    expect(types("It came back as NIC number W123456789 and FBI number 123456AB7.")).toEqual([
      "NCIC:W123456789",
      "NCIC:123456AB7",
    ]);
    expect(types("My Taser, serial X29004512, failed; S/N 8821-AX-044 too.")).toEqual([
      "SERIAL_NUMBER:X29004512",
      "SERIAL_NUMBER:8821-AX-044",
    ]);
    expect(types("I ran the plate, Arizona CMX-4421, and it was clear.")).toEqual([
      "LOCATION:Arizona",
      "PLATE:CMX-4421",
    ]);
  });

  it("leaves ordinary capitalised words, models and roads alone", () => {
    expect(types("He yelled in Spanish, so I radioed to Dispatch and went to Booking with the Taser.")).toEqual([]);
    expect(types("I handed the rifle to Officer Diaz and later to Diaz again.")).toEqual([
      "PERSON:Diaz",
      "PERSON:Diaz",
    ]);
    expect(types("We merged onto Virginia I-95 with a Glock 17 and a Taser X26P.")).toEqual([
      "LOCATION:Virginia",
      "LOCATION:I-95",
    ]);
  });

  it("finds nothing in a de-identified narrative", () => {
    expect(
      types(
        "I stopped a vehicle on [a divided highway] shortly after [time]. The driver reached for the console and " +
          "I stepped back to cover.",
      ),
    ).toEqual([]);
  });
});

describe("defaultReplacement", () => {
  it("generalises by kind", () => {
    expect(defaultReplacement("LOCATION", "Lakeshore Drive")).toBe("[street]");
    expect(defaultReplacement("LOCATION", "Elm St and 4th Ave")).toBe("[intersection]");
    expect(defaultReplacement("LOCATION", "Rosa's Taqueria")).toBe("[restaurant]");
    expect(defaultReplacement("TIME", "0215 hrs")).toBe("[time]");
    expect(defaultReplacement("AGENCY", "Metro City PD")).toBe("[agency]");
    expect(defaultReplacement("NCIC", "W123456789")).toBe("[record number]");
    expect(defaultReplacement("NCIC", "NCIC RESPONSE\nNAM/DOE, JOHN")).toBe("[records check result removed]");
    expect(defaultReplacement("SERIAL_NUMBER", "X29004512")).toBe("[serial number]");
  });
});

describe("parseLabelled", () => {
  it("strips the markup and keeps offsets", () => {
    const { text, labels } = parseLabelled("Ofc. {{PERSON:Ann Lee}} on {{TIME:0300 hrs}}.");
    expect(text).toBe("Ofc. Ann Lee on 0300 hrs.");
    expect(labels.map((l) => text.slice(l.start, l.end))).toEqual(["Ann Lee", "0300 hrs"]);
  });
});
