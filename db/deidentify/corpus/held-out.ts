// Labelled narratives kept out of tuning: the detector was never run against these while its rules
// were written. Same markup as tuning.ts. Their figures are printed apart in the accuracy test.
export const heldOutCorpus: readonly string[] = [
  `Dispatched at {{TIME:0340}} to a burglary alarm at {{LOCATION:Pemberton Hardware, 17 Canal Street}}. Officer ` +
    `{{PERSON:Hollis Grange}} took the front and I took the back alone. The back door was open and a man came ` +
    `out carrying a pry bar. I was standing in the doorway instead of beside it.`,
  `{{PERSON:Deputy Anita Ferreira}} and I were on {{RADIO_CHANNEL:TAC-2}} for the pursuit. The suspect vehicle, a ` +
    `blue Chevy Malibu with Georgia tag {{PLATE:RVX 2291}}, lost control on {{LOCATION:Old Mill Road}} and hit ` +
    `a pole. The driver came out shooting. Our cars were parked nose to nose in the open.`,
  `The caller, who gave her name as {{PERSON:Brenda Castellanos}}, said her brother was threatening to burn the ` +
    `house down. Her callback number was {{PHONE:(720) 555-3012}}. When we arrived the garage was full of ` +
    `gasoline cans. The brother had a lighter. We backed out and let the fire department stage.`,
  `I got a hit on the plate and read the return over the radio:
{{NCIC:III QH RESPONSE
NAM/HALVORSEN, ERIK T
DOB/1991-07-22 SEX/M
FBI/473829JK4 SID/MN12345678
ARRESTS: 4  CONVICTIONS: 2 (AGG ASSAULT, WEAPONS)}}
The man was standing right behind my car listening. He knew we knew. Do not read criminal history over the air.`,
  `Report number {{CASE_NUMBER:2025-0007714}}. Welfare check at {{LOCATION:the Maple Grove Apartments, unit 14C}} ` +
    `requested by a coworker, {{PERSON:Tariq Hassan}}, by email ({{EMAIL:t.hassan@northfield-logistics.com}}). ` +
    `The resident answered the door holding a kitchen knife and was confused. Diabetic emergency, not a threat, ` +
    `but I had my back to the stairwell.`,
  `Around {{TIME:10:45 pm}} on {{DATE:Aug. 17th}} we were at a crash scene on {{LOCATION:I-70 westbound near mile ` +
    `post 122}}. {{BADGE_OR_UNIT:Car 31}} was parked in the lane as a blocker but the flare pattern started too ` +
    `close. A semi driver looking at his phone hit the last flare and stopped four feet from {{PERSON:Trooper ` +
    `Klein}}.`,
  `While booking {{PERSON:Janelle Ortiz}} into the {{AGENCY:Dane County Jail}}, the deputy found a razor blade ` +
    `taped under her tongue. The arresting officer had searched her in the field and missed it. ` +
    `{{CASE_NUMBER:CAD #25-31188}}.`,
  `On {{DATE:2024-09-05}} I was working a detail at a construction site on {{LOCATION:Route 1 near Pine Street}}. ` +
    `A dump truck backed up without a spotter and pinned my cruiser door against me. My supervisor, ` +
    `{{PERSON:Lt. Gomez}}, had me take the rest of the shift off.`,
  `We were doing a knock and talk at {{LOCATION:912 East Harrison}} with {{PERSON:Detective Ray Lindqvist}}. A ` +
    `second man came around the side of the house and stood behind us. Nobody was watching our backs. He had a ` +
    `handgun in his waistband. {{BADGE_OR_UNIT:Unit 7 Lincoln}} arrived and he walked away.`,
  `Vehicle VIN {{VIN:5YJ3E1EA2KF317000}}, reported stolen from a dealer lot. It was found running in a parking ` +
    `lot. I approached with my weapon holstered because it looked abandoned. The suspect was lying across the ` +
    `back seat and sat up with a gun in his hand.`,
  `Prisoner van transport on {{DATE:the 23rd}}: the cage partition latch had been broken for a month and was tied ` +
    `shut with a zip tie. {{PERSON:Inmate Lorenzo Pike}} kicked it open at a red light on {{LOCATION:Boulevard ` +
    `and 9th}}. Maintenance ticket {{CASE_NUMBER:WO-55120}} had never been closed.`,
  `I was a field training officer with a trainee on her fourth shift. We got sent to a shots fired call at ` +
    `{{LOCATION:the Kwik Stop on Jackson Highway}} at {{TIME:11:52 p.m.}}. She ran straight at the front door. ` +
    `I grabbed her vest and pulled her behind a pillar. The shooter was still inside.`,
  `My phone number for follow up is {{PHONE:262 555 0176}} but please do not call during the day. The incident: a ` +
    `K9 from a neighbouring agency was released without a warning announcement while I was inside the fence ` +
    `line. The handler, {{PERSON:Officer Jessup}}, did not know I was there.`,
  `During firearms qualification at the {{LOCATION:Elk Ridge range}} on {{DATE:October 3}} an officer's duty ` +
    `pistol fired when he holstered it. His jacket drawstring had caught the trigger. The round went into the ` +
    `ground next to the instructor, {{PERSON:Sgt. Pauline Rhodes}}.`,
  `The suspect's car had Florida plate {{PLATE:QTR-58K}} and was parked outside {{LOCATION:Lucky Dragon Buffet}}. ` +
    `We set up on it with two cars and no plan for when he came out. He came out with a woman and a child and ` +
    `we had to let him drive off.`,
  `We responded to a crowd fight at the {{LOCATION:Harvest Fair grounds}} around {{TIME:2100 hrs}}. I used my ` +
    `radio on {{RADIO_CHANNEL:Fire Ground 3}} by mistake because the channel knob had turned in the scuffle. ` +
    `Nobody heard my call for cover for almost a minute.`,
  `{{AGENCY:Westbrook PD}} asked us to check a vehicle at the rest area. The driver, {{PERSON:Colin Ashby}}, said ` +
    `he was fine. His passenger had an AR-style rifle between her knees. The BOLO from {{AGENCY:Westbrook}} had ` +
    `not mentioned a second person.`,
  `Sector {{LOCATION:North 4}} was down to two cars for the whole night. I took a domestic alone at {{TIME:3 ` +
    `a.m.}} because the other car was on a hospital guard. The husband was hiding in the shower with a golf ` +
    `club. Staffing is the lesson, not tactics.`,
];
