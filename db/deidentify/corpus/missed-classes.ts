// Narratives for the six kinds of identifier reviewers found the detector missing, written before any
// rule for them (fictional people, places and numbers). Markup as in tuning.ts, plus a class after the
// type — {{PERSON#title-surname:Lt. May}} — so the accuracy test reports recall per class. The
// classes' rules were developed against `missedClassesTuning` only; `missedClassesHeldOut` was run
// once, when they were done (its first-run figures are in docs/privacy.md).
export const missedClasses = [
  "title-surname",
  "business-venue",
  "city",
  "nic-number",
  "serial-number",
  "state-plate",
] as const;
export type MissedClass = (typeof missedClasses)[number];

export const missedClassesTuning: readonly string[] = [
  // A rank or title and a capitalised surname (also one that is an ordinary word, a month or a car make)
  `{{PERSON#title-surname:Det. Ford}} and I were sitting on the house when the door opened. ` +
    `{{PERSON#title-surname:Lt. May}} had told us to hold until the entry team arrived, but the suspect walked ` +
    `straight at our car with his hands in his hoodie. I got out behind the door; he had a phone. We should ` +
    `have parked further back.`,
  `Officers {{PERSON#title-surname:Diaz}} and {{PERSON#title-surname:Lee}} were already inside the apartment when ` +
    `I got there. My sergeant, {{PERSON#title-surname:Whitaker}}, told me to cover the back. A second male came ` +
    `over the balcony rail and landed a few feet from me with a bat.`,
  `On a night shift {{PERSON#title-surname:Sgt. Rose}} was running the perimeter. {{PERSON#title-surname:Deputy ` +
    `Hunter}} and {{PERSON#title-surname:Cpl. Banks}} went in with the dog. The suspect was hiding in the crawl ` +
    `space with a knife; the dog found him before they did. Nobody had told {{PERSON#title-surname:Trooper ` +
    `Wade}}, who was covering the front, that we were going in.`,
  `{{PERSON#title-surname:PFC Jones}} drove; I rode in the back with the prisoner because the cage was broken. ` +
    `{{PERSON#title-surname:Patrolman Kelly}} had searched him at the scene. At the sally port he pulled a ` +
    `razor blade out of his sock. officer {{PERSON#title-surname:diaz}} saw it and grabbed his wrist.`,
  // Named businesses and venues that the place-noun list does not end in
  `Bar check at {{LOCATION#business-venue:Club Velvet}} at closing. A man in the parking lot was arguing with the ` +
    `bouncer and reached into his car. I was alone and had not called out my location. He came out with a tire ` +
    `iron. Backup from the {{LOCATION#business-venue:Blue Moon}} detail got there in a minute.`,
  `The caller said a man with a gun was inside the {{LOCATION#business-venue:Golden Dragon buffet}}. We staged in ` +
    `the lot of {{LOCATION#business-venue:Sunset Lanes}} next door. The man walked out of ` +
    `{{LOCATION#business-venue:Big Al's Tire}} instead, behind us, and we had to turn around with no cover.`,
  `Off duty at {{LOCATION#business-venue:Sal's Pizza}} with my family. A robbery started at the counter. I had my ` +
    `weapon but no badge visible. The uniformed officer who arrived from the {{LOCATION#business-venue:Fairview ` +
    `Mall}} security detail almost shot me. Carry ID and a lanyard.`,
  `We were working an event at the {{LOCATION#business-venue:Rialto}} when a fight broke out. I followed one of ` +
    `the subjects into the alley behind {{LOCATION#business-venue:Tony's Auto Body}}. He had a second person ` +
    `waiting with a pipe. I backed out and waited for Ofc. {{PERSON:Grant}}.`,
  // City names
  `We were sent to back up {{AGENCY:Dayton PD}} on a pursuit that came into our county from ` +
    `{{LOCATION#city:Springfield}}. The pursuit ended near {{LOCATION#city:Xenia}} when the driver bailed. ` +
    `Nobody had a common radio channel so we did not know the suspect was armed until he turned around.`,
  `Transporting a prisoner from {{LOCATION#city:Bakersfield}} to {{LOCATION#city:Fresno}} on the highway, the ` +
    `rear door latch failed at speed. The door swung open and the prisoner tried to lean out. I pulled onto the ` +
    `shoulder with traffic passing inches from the car.`,
  `I work a small town just outside of {{LOCATION#city:Tulsa}}. On a welfare check the resident met us with a ` +
    `shotgun, thinking we were burglars. We had come in without lights because dispatch said the caller was ` +
    `worried about a prowler. Announce early and loudly.`,
  `Mutual aid call to downtown {{LOCATION#city:Spokane}} for a protest. Our team was split from the others and ` +
    `pushed into a side street. Bottles and a firework came over. We had no radio contact with the incident ` +
    `commander from {{LOCATION#city:Coeur d'Alene}}.`,
  // NCIC/NIC record numbers quoted in prose (not a pasted return)
  `Ran the driver and dispatch read back a hit: NIC number {{NCIC#nic-number:W123456789}}, felony warrant, armed ` +
    `and dangerous. I had already let him back into his car to get his registration. He had a revolver under ` +
    `the seat.`,
  `The truck came back stolen, NIC {{NCIC#nic-number:V987654321}}. I approached alone before confirming with the ` +
    `originating agency; the owner had recovered it that morning and the entry was never cleared. The driver ` +
    `was the owner's son and nearly ran when I drew down.`,
  `The gun in the console came back with an NCIC record, {{NCIC#nic-number:G112233445}}, stolen in a burglary. My ` +
    `partner had handed it back to the passenger to unload it before we knew. Never hand a weapon back.`,
  `Dispatch gave me the missing person entry, record number {{NCIC#nic-number:M554100234}}, and said the subject ` +
    `was suicidal. When I found him under the bridge he had a knife. The entry did not say he had assaulted ` +
    `officers before; the III with FBI number {{NCIC#nic-number:123456AB7}} did.`,
  // Equipment serial numbers
  `My Taser, serial {{SERIAL_NUMBER#serial-number:X29004512}}, failed to fire on the first trigger pull in a ` +
    `fight with a large subject. The battery showed 40 percent. It had not been spark tested that shift.`,
  `The rifle's bolt failed to lock back at the range. The armorer found a cracked extractor; serial number ` +
    `{{SERIAL_NUMBER#serial-number:BKTZ512}} had been flagged for inspection a year ago and never pulled.`,
  `My portable radio (S/N {{SERIAL_NUMBER#serial-number:722ABC1134}}) died in the middle of a foot pursuit. I ` +
    `could not call my location. The radio shop log showed the battery had been reported twice.`,
  `Body camera {{SERIAL_NUMBER#serial-number:X6031842Q}} fell off during a struggle and the mount snapped. The ` +
    `vest carrier, serial no. {{SERIAL_NUMBER#serial-number:8821-AX-044}}, had a worn strap that let the plate ` +
    `shift when I went to the ground.`,
  // Plates written with their state's name
  `Stopped a pickup with {{LOCATION:Michigan}} plates, {{PLATE#state-plate:BKL 2290}}, for speeding. The driver ` +
    `stepped out and walked back toward me before I was out of the car. He had a knife clipped to his pocket.`,
  `The BOLO was for a car with {{LOCATION:Georgia}} tags {{PLATE#state-plate:RTX4410}}. I found it at a gas pump ` +
    `and pulled in behind it alone. Two men got out of a second car I had not noticed.`,
  `Plate came back to a {{LOCATION:Nevada}} registration of {{PLATE#state-plate:8TRK221}} on a different car. I ` +
    `treated it as a routine mismatch. The passenger had a warrant and a gun.`,
  `I ran the plate, {{LOCATION:Arizona}} {{PLATE#state-plate:CMX-4421}}, and it came back clear, so I relaxed. ` +
    `The plate had been swapped from another car; the car itself was stolen in a carjacking.`,
];

export const missedClassesHeldOut: readonly string[] = [
  `At the briefing {{PERSON#title-surname:Capt. Major}} told us the warrant was low risk. Deputies ` +
    `{{PERSON#title-surname:Ramos}} and {{PERSON#title-surname:Cole}} took the front. The suspect's brother ` +
    `opened fire through the door. {{PERSON#title-surname:Sgt King}} pulled {{PERSON#title-surname:Ramos}} back ` +
    `behind the car.`,
  `Our FTO, {{PERSON#title-surname:Officer Washington}}, let me take the lead on a domestic. ` +
    `{{PERSON#title-surname:Dispatcher Paris}} had the wrong apartment number. I knocked on the wrong door and ` +
    `a man answered with a pistol in his hand.`,
  `A man was waving a machete outside {{LOCATION#business-venue:Lucky Star Bar & Grill}}. We approached from the ` +
    `front windows of {{LOCATION#business-venue:Main Street Pawn}}, which gave us no cover at all. Glass is not ` +
    `cover.`,
  `Alarm call at {{LOCATION#business-venue:Crossroads Church}}. The door was open. Inside, a neighbour who works ` +
    `at the {{LOCATION#business-venue:Jiffy Lube}} across the road had come in to check, and he came around the ` +
    `corner at me with a flashlight.`,
  `We chased the car from {{LOCATION#city:Flagstaff}} almost to {{LOCATION#city:Winslow}}. At the end the driver ` +
    `stopped in the middle of the interstate and got out. I was the second car and ran up the left side into ` +
    `traffic.`,
  `Detailed to {{LOCATION#city:East St. Louis}} for a task force warrant. The map we were given was years old and ` +
    `the back door we were told to cover had been bricked up. The suspect came out a window on my side.`,
  `The returns showed an active protection order, NIC/{{NCIC#nic-number:H441230987}}, which the dispatcher did ` +
    `not read out. I let the husband back into the house to get his shoes.`,
  `Teletype confirmed the warrant (NIC {{NCIC#nic-number:W771004512}}) only after we had him in the car ` +
    `unsearched. The confirmation usually takes ten minutes and we did not wait.`,
  `The magazine release on my pistol, serial #{{SERIAL_NUMBER#serial-number:BRX441920}}, stuck during ` +
    `qualification. The armorer had the slide off in front of me and found debris nobody had cleaned in a year.`,
  `Our in-car radio, serial {{SERIAL_NUMBER#serial-number:481CMT2290}}, would not transmit on the county channel ` +
    `during the pursuit. The shop ticket for it was still open.`,
  `I followed a sedan with {{LOCATION:Tennessee}} plates ({{PLATE#state-plate:K77 42P}}) into a dead-end street. ` +
    `It stopped and backed toward my car at speed.`,
  `The stolen car report listed a {{LOCATION:Kentucky}} tag, {{PLATE#state-plate:HTX 991}}. I found the car with ` +
    `the plate off and ran the VIN instead, standing in the road.`,
];
