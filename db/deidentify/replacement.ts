import type { IdentifierType } from "../../domain/identifier-types";

/**
 * The bracketed generalisation a reviewer's accepted finding becomes, in the programme's convention
 * ("a [restaurant]", "[street]"). A place is named by its kind where the text says it.
 */
export function defaultReplacement(type: IdentifierType, text: string): string {
  switch (type) {
    case "PERSON":
      return "[name]";
    case "BADGE_OR_UNIT":
      return /badge|shield|star/i.test(text) ? "[badge number]" : "[unit]";
    case "AGENCY":
      return "[agency]";
    case "DATE":
      return "[date]";
    case "TIME":
      return "[time]";
    case "CASE_NUMBER":
      return "[case number]";
    case "PLATE":
      return "[plate]";
    case "VIN":
      return "[VIN]";
    case "PHONE":
      return "[phone number]";
    case "EMAIL":
      return "[email]";
    case "RADIO_CHANNEL":
      return "[radio channel]";
    // A record number quoted alone is one identifier, not a pasted return.
    case "NCIC":
      return /^[A-Z0-9-]{6,14}$/i.test(text) ? "[record number]" : "[records check result removed]";
    case "SERIAL_NUMBER":
      return "[serial number]";
    case "LOCATION":
      return locationKind(text);
  }
}

const KINDS: [RegExp, string][] = [
  [
    /^(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming)$/,
    "[state]",
  ],
  [/\b(?:mile\s?(?:marker|post)|MM)\b/i, "[mile marker]"],
  [/\b(?:I-\s?\d|Interstate|US[- ]\d|Route|Highway|Hwy|SR[- ]\d|County Road|Farm Road|FM \d)/i, "[highway]"],
  [/\bexit\b/i, "[highway exit]"],
  [/\b(?:Beat|District|Sector|Zone|Precinct|Post|Ward|Division)\b/, "[beat]"],
  [/\b(?:cell ?block|pod|tier|housing unit|dorm)\b/i, "[housing unit]"],
  [/\s(?:and|&)\s|\bcorner\b/i, "[intersection]"],
  [/^\d/, "[address]"],
  [/\b(?:Motel|Hotel|Inn|Lodge)\b/, "[motel]"],
  [/\b(?:School|Academy|College|University|Campus)\b/, "[school]"],
  [/\b(?:Apartments|Apts|Homes|Estates)\b/, "[apartment complex]"],
  [/\b(?:Park|boat launch|Lake|River|Creek|Bay)\b/i, "[park]"],
  [/\b(?:Pub|Bar|Tavern|Saloon|Lounge)\b/, "[bar]"],
  [
    /\b(?:Grill|Taqueria|Restaurant|Cafe|Café|Diner|Pizzeria|Buffet|McDonald's|Burger King|Wendy's|Taco Bell|Waffle House|Denny's|IHOP|Sonic|KFC)\b/,
    "[restaurant]",
  ],
  [
    /\b(?:Shell|Exxon|Mobil|Chevron|BP|Sunoco|Speedway|Circle K|Wawa|Sheetz|QuikTrip|Casey's|Love's|Pilot|Flying J|station|Kwik|Stop|Mart)\b/,
    "[gas station]",
  ],
  [
    /\b(?:Walmart|Target|Kroger|Walgreens|CVS|Dollar General|Dollar Tree|Home Depot|Lowe's|Costco|Store|Shop|Market|Hardware|Pharmacy)\b/,
    "[store]",
  ],
  [/\b(?:Bridge|Overpass|Underpass|Tunnel)\b/i, "[bridge]"],
  [/\b(?:range)\b/i, "[range]"],
  [/\b(?:Hospital|Clinic)\b/, "[hospital]"],
  [
    /\b(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Parkway|Terrace|Circle|Trail|Pike)\b\.?$/,
    "[street]",
  ],
];

function locationKind(text: string): string {
  return KINDS.find(([pattern]) => pattern.test(text))?.[1] ?? "[location]";
}
