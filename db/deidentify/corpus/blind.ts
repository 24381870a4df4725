// A second held-out set, written after the detector was finished and run once, unchanged: its figures
// are the honest estimate for text the rules' author did not have in mind. Same markup as tuning.ts.
export const blindCorpus: readonly string[] = [
  `Responded to {{LOCATION:4410 Kingsley Blvd}} ref: shots heard. {{PERSON:P.O. Whitfield}} and I arrived ` +
    `{{TIME:01:12}}. A teenager was sitting on the porch with a replica pistol. I nearly fired. Body cam shows ` +
    `I had my finger on the trigger for eleven seconds.`,
  `Event {{CASE_NUMBER:#E25-004417}}: struck-by near miss at the toll plaza on the {{LOCATION:Garden State ` +
    `Parkway}}. My partner {{PERSON:Luis}} was waving traffic into one lane when a box truck clipped the cone ` +
    `line. {{PERSON:Luis}} rolled onto the hood of our unit.`,
  `I was the only deputy covering the north end of {{AGENCY:Marlow County}} on {{DATE:Christmas Eve 2024}}. Call ` +
    `from {{PHONE:9195550163}} reported a man walking in the road. He was armed with a hatchet and in crisis. I ` +
    `waited for EMS and a second deputy from {{LOCATION:Station 3}} before approaching.`,
  `Stopped a silver Nissan Altima, {{PLATE:NC tag PRT-5581}}, on {{LOCATION:Capital Blvd}}. Driver ` +
    `{{PERSON:Jerome Pettiford}} handed me a license belonging to his brother. When I went back to my car he ` +
    `tossed a gun out the window into the grass. {{BADGE_OR_UNIT:Car 214}} found it later.`,
  `Training day at the {{LOCATION:Rockwell County training center}}. Instructor {{PERSON:Sgt. Dee Armstrong}} ran ` +
    `a shoot house scenario with live munitions by mistake: one officer's magazine had duty rounds. Caught at ` +
    `the safety check by {{PERSON:Officer Nakamura}}.`,
  `On {{DATE:Sept. 9th}} I had a prisoner in the back seat and stopped for gas at the {{LOCATION:Circle K on ` +
    `Brambleton Ave}}. He had slipped his cuffs in front and tried the door. Child locks held. The van was due ` +
    `for service; mechanic ticket {{CASE_NUMBER:MT-88213}}.`,
  `Foot pursuit through the {{LOCATION:Lincoln Heights housing project}}. I called my location on ` +
    `{{RADIO_CHANNEL:channel 7}} but dispatch was on another call. The suspect stopped behind a dumpster with a ` +
    `knife. {{PERSON:Cpl. Brennan}} came around the other side and he gave up.`,
  `Welfare check for an elderly man who had not collected his mail. His daughter {{PERSON:Karen Oyelaran}} ` +
    `({{EMAIL:k.oyelaran@outlook.com}}) asked us to force entry. Inside we found a gas leak from the stove. We ` +
    `were both on the radio inside the kitchen. We got out and called the fire department.`,
  `Pursuit of a stolen Silverado, VIN {{VIN:1GCVKREC5EZ123456}}, ended on {{LOCATION:Route 17 near mile marker ` +
    `54}} at {{TIME:half past midnight}}. Driver bailed and ran toward the interstate. I followed across two ` +
    `lanes of traffic. A semi missed us both by a few feet.`,
  `While serving an eviction at {{LOCATION:Oak Terrace Apartments, Bldg 4}} with the landlord, {{PERSON:Mr. ` +
    `Haddad}}, a tenant's boyfriend pulled a box cutter. The landlord was standing between us. I have since ` +
    `asked that landlords wait outside. Our report is {{CASE_NUMBER:2024-11873}}.`,
];
