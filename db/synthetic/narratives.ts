// Phrase banks for de-identified synthetic narratives. They follow the programme's published layout
// (title, Event summary, Lessons learned) and its convention of square brackets for removed details,
// so that search, reading and de-identification look like the real thing.
import type { FactorCode, IncidentTypeCode, LossPotentialCode } from "../../domain/taxonomy/index";
import type { Rng } from "./random";

const openings: Record<IncidentTypeCode, readonly string[]> = {
  traffic_stop: [
    "I stopped a vehicle for an equipment violation on [a divided highway] shortly after [time]. The driver " +
      "pulled onto a narrow shoulder and I approached on the driver's side.",
    "During a routine traffic stop on [a two-lane county road], the driver gave a name that did not return and " +
      "kept reaching toward the center console.",
    "My partner and I conducted a traffic stop on a pickup with expired registration in the parking lot of [a " +
      "convenience store]. There were two occupants.",
  ],
  vehicle_pursuit: [
    "A vehicle fled from a stop at high speed through [a residential area] and I initiated a pursuit with one " +
      "other unit behind me.",
    "We were pursuing a stolen vehicle onto [an interstate] during heavy traffic. Speeds reached over 100 mph " +
      "before the suspect exited.",
    "Officers began pursuing a sedan involved in an armed robbery at [a gas station]. The pursuit crossed into [a " +
      "neighboring jurisdiction].",
  ],
  foot_pursuit: [
    "A subject ran from me after I approached him behind [a strip mall]. I chased on foot between buildings and " +
      "over a fence.",
    "During a narcotics investigation the suspect bailed out of the passenger seat and I pursued him on foot into " +
      "[a wooded area].",
    "I was pursuing a burglary suspect on foot through backyards in [a residential neighborhood] when I lost " +
      "sight of him.",
  ],
  emergency_driving: [
    "I was responding emergency to an officer-needs-assistance call across [city] with lights and siren activated.",
    "While driving code three to a crash with injuries on [a state highway], I approached an intersection against " +
      "the light.",
    "Responding to a priority call at night, I was travelling well above the limit on [a rural road] with limited " +
      "visibility.",
  ],
  roadway_operations: [
    "I was working a crash scene on [an interstate] with my patrol car in the left lane behind the disabled " +
      "vehicles, emergency lights on.",
    "While setting out flares for traffic control at [an intersection], I had my back to approaching traffic for " +
      "a short time.",
    "We were deploying spike strips ahead of a pursuit on [a four-lane highway] from the median shoulder.",
  ],
  domestic_disturbance: [
    "Dispatch sent us to a verbal domestic at [an apartment complex] with no weapons reported. My backup was " +
      "several minutes out.",
    "I responded to a domestic disturbance at [a single-family home]. The caller said her boyfriend had left, but " +
      "he was still inside.",
    "We were called to a repeat-address domestic at [a trailer park]. The male half met us at the door and was " +
      "calm at first.",
  ],
  disturbance_fight: [
    "We responded to a large fight in the parking lot of [a bar] at closing time. About a dozen people were still " +
      "there when we arrived.",
    "A call came in for a fight in progress at [a park]. I arrived first and tried to separate two groups.",
    "I was dispatched to a disturbance at [a convenience store] where a customer was yelling and throwing merchandise.",
  ],
  welfare_check: [
    "I was sent on a welfare check of an elderly resident at [a rural address] whose family had not heard from " +
      "him for several days.",
    "A neighbor asked us to check on a woman at [an apartment] who had not been seen. Nobody answered the door.",
    "Dispatch requested a welfare check on a man sleeping in a running vehicle at [a shopping center parking lot].",
  ],
  mental_health_call: [
    "We responded to a call of a man in crisis threatening self-harm at [a residence]. Family members were " +
      "outside when we arrived.",
    "I was dispatched to a woman walking in traffic on [a busy street] and talking to herself, believed to be off " +
      "her medication.",
    "A caller reported her adult son was hallucinating and had broken windows at [a home]. He was known to " +
      "officers from prior calls.",
  ],
  suspicious_person_vehicle: [
    "I checked on a suspicious vehicle parked behind [a closed business] at night with two people inside.",
    "A caller reported a man looking into car windows in [a residential neighborhood]. I located someone matching " +
      "the description.",
    "While on patrol I saw a vehicle with no lights on idling near [a school] in the early morning.",
  ],
  warrant_arrest: [
    "We went to serve a felony warrant at [a duplex]. The subject had a history of fleeing and resisting.",
    "Two of us attempted to arrest a man on an outstanding warrant at [a motel]. He answered the door and agreed " +
      "to come out.",
    "Our team served a search warrant at [a residence] early in the morning. Entry was made through the front door.",
  ],
  prisoner_custody: [
    "I was transporting an arrestee to [the county jail] after a pat-down at the scene by another officer.",
    "During booking at [the detention center], a prisoner who had been searched twice was waiting in the holding area.",
    "I took custody of a prisoner from another officer at [a hospital] for transport back to the jail.",
  ],
  crime_in_progress: [
    "We were dispatched to a burglary in progress at [a warehouse]. The caller said two subjects were inside.",
    "A robbery in progress call came out for [a pharmacy]. I was the closest unit and arrived within two minutes.",
    "Dispatch reported shots fired and a possible home invasion at [a residence] in [a residential neighborhood].",
  ],
  active_threat: [
    "We responded to an active shooter call at [a shopping center]. Multiple agencies were arriving at the same time.",
    "A report of a man with a rifle at [a workplace] brought every available unit. I arrived as part of the " +
      "second group.",
    "Dispatch broadcast an active threat at [a school] and I self-dispatched from nearby.",
  ],
  crowd_civil_disturbance: [
    "Our team was assigned to a large demonstration in [downtown] that turned hostile after dark.",
    "I was part of a line of officers holding an intersection during a crowd event at [a stadium].",
    "We were called to assist with a crowd gathering after [an event] that had spilled into the street.",
  ],
  training: [
    "During qualification at [the range], a shooter on the line next to me was clearing a malfunction.",
    "We were running a scenario-based training exercise at [a vacant building] with simunition and role players.",
    "At an academy defensive-tactics session, a recruit was practising handcuffing on a resisting role player.",
  ],
  off_duty: [
    "I was off duty and in plain clothes at [a restaurant] with my family when an argument broke out nearby.",
    "While off duty and driving home on [a highway], I witnessed what appeared to be a serious crash.",
    "Off duty at [a grocery store], I recognised a man I had arrested in the past, and he recognised me.",
  ],
  other: [
    "I was assisting another agency with an unusual call at [a location] that did not fit any usual category.",
    "During a special event detail at [a fairground], something happened that I did not expect.",
    "While handling a found-property call at [a business], the situation changed quickly.",
  ],
};

const developments: Record<FactorCode, readonly string[]> = {
  sa_lapse: [
    "I was looking down at my notebook and did not notice the second person walking up behind me until he was " +
      "within arm's reach.",
    "I lost track of where my partner was and realised later that I had moved into his line of fire.",
  ],
  sa_complacency: [
    "We had been to this address many times for minor calls and I treated it as routine, standing in the doorway " +
      "with my hands full.",
    "It felt like a routine call, so I did not wait and did not position myself the way I was trained to.",
  ],
  sa_tunnel_vision: [
    "I was so focused on the person in front of me that I never saw the second subject come out of the side door.",
    "I fixated on catching him and did not notice I had left my radio, my partner and any cover behind.",
  ],
  sa_distraction: [
    "I was typing on the MDT while the driver was still in the car and looked up to find him standing at my door.",
    "My phone rang and I glanced at it just as the subject stepped toward me.",
  ],
  st_concealed_weapon: [
    "After he was in custody we found a loaded handgun tucked in his waistband that had been missed.",
    "A folding knife was later found in the subject's boot; nobody had checked there.",
  ],
  st_ambush: [
    "As I stepped out of the patrol car, someone fired several rounds at me from [a nearby building] without any " +
      "warning.",
    "When we approached the door, the subject opened fire through it. It appeared he had been waiting for us.",
  ],
  st_sudden_assault: [
    "Without warning he swung at me and we went to the ground. He tried to grab my holstered weapon.",
    "The subject, who had been calm, suddenly punched my partner in the face and kept fighting.",
  ],
  st_flight_resisting: [
    "He pulled away when I reached for his arm and ran, dragging me a short distance.",
    "She actively resisted being handcuffed and kicked out at the officers holding her legs.",
  ],
  st_impaired_crisis: [
    "He was clearly under the influence of something, sweating heavily and not responding to commands.",
    "She was in a mental-health crisis and did not appear to understand what we were saying.",
  ],
  st_multiple_subjects: [
    "Several bystanders began to surround us and two of them tried to pull the subject away from us.",
    "More people came out of the house than we expected and we were outnumbered.",
  ],
  eq_firearm_malfunction: [
    "When I needed my weapon it failed to fire; I later found a round had not chambered properly.",
    "The rifle had a failure to feed that I could not clear quickly under pressure.",
  ],
  eq_radio_failure: [
    "My radio would not transmit from inside the building and dispatch did not hear my call for help.",
    "The radio system dropped out completely for several minutes and nobody knew where I was.",
  ],
  eq_vehicle_failure: [
    "My brakes faded badly at the bottom of the hill and I barely stopped before the intersection.",
    "A front tire on the patrol car failed at speed and I fought to keep control.",
  ],
  eq_less_lethal_failure: [
    "I deployed my conducted energy weapon but one probe missed and it had no effect.",
    "The pepper spray blew back into our faces in the wind and had little effect on him.",
  ],
  eq_armor_ppe: [
    "I was not wearing my reflective vest, and I was very hard to see in the dark.",
    "My body armor was in the trunk because of the heat, and I did not have it on when it mattered.",
  ],
  eq_restraint_failure: [
    "One handcuff was not double-locked and he slipped out of it in the back seat.",
    "The hobble strap broke as he kicked at the car door.",
  ],
  hc_low_light: [
    "It was very dark there, and I could not see his hands until he was close to me.",
    "There were no streetlights and my flashlight was the only light; I could not see into the vehicle.",
  ],
  hc_weather: [
    "Heavy rain made it hard to see and the road surface was slick.",
    "Snow and ice covered the shoulder and I slipped as I stepped out of the car.",
  ],
  hc_roadway_exposure: [
    "A passing vehicle drifted onto the shoulder and missed me by less than a foot; its mirror brushed my sleeve.",
    "A truck did not move over and struck the side of my patrol car while I was standing beside it.",
  ],
  hc_terrain_structure: [
    "I fell through a rotten section of deck and nearly went over the edge.",
    "I ran into an unseen drainage ditch and fell hard, losing my flashlight.",
  ],
  hc_hazmat_fire: [
    "We smelled a strong chemical odor inside, which turned out to be a makeshift drug lab.",
    "Smoke filled the hallway quickly and we had no breathing protection.",
  ],
  hc_animal: [
    "A large dog came out of the house and attacked before the owner could control it.",
    "A loose dog charged me while I was focused on the subject.",
  ],
  td_positioning_cover: [
    "I was standing directly in front of the door with no cover and nowhere to go.",
    "I parked too close and put myself between the two vehicles with no escape route.",
  ],
  td_no_backup_wait: [
    "I went in alone instead of waiting the few minutes for my backup to arrive.",
    "We did not wait for the additional units and approached with just two officers.",
  ],
  td_inadequate_search: [
    "The pat-down was rushed because it was cold and we did not check his waistband thoroughly.",
    "The vehicle was not searched before we let the passenger back in.",
  ],
  td_decision_error: [
    "In hindsight, continuing the pursuit at those speeds was not worth the risk for the offence involved.",
    "I chose to go hands-on when time and distance would have been the better option.",
  ],
  td_policy_deviation: [
    "We did not follow the department's policy on this type of call, and it nearly cost us.",
    "What I did was not how I was trained; I took a shortcut.",
  ],
  tc_communication_breakdown: [
    "The two units did not know what the other was doing and we ended up approaching from the same side.",
    "My partner thought I had cleared the room, and I thought he had.",
  ],
  tc_dispatch_info: [
    "Dispatch did not tell us that the caller had reported a gun in the house.",
    "The address given was wrong and we arrived at the wrong side of the building.",
  ],
  tc_backup_staffing: [
    "We were short-staffed that night and the nearest backup was more than twenty minutes away.",
    "There were only two of us on the whole shift for a very large area.",
  ],
  tc_crossfire: [
    "Officers on both sides of the vehicle had their weapons drawn and were in each other's line of fire.",
    "An officer from another agency came around the corner in front of my muzzle.",
  ],
  tc_command_control: [
    "Nobody was clearly in charge at the scene and several officers were giving conflicting orders.",
    "Units from three agencies arrived with no incident command set up.",
  ],
  hf_fatigue: [
    "I was at the end of a double shift and very tired, and my reactions were slow.",
    "It was my fourth night shift in a row and I was running on very little sleep.",
  ],
  hf_stress: [
    "Everything happened fast and I felt rushed to make decisions.",
    "The pressure to finish the call quickly pushed me to skip steps.",
  ],
  hf_inexperience: [
    "I was still in my first year and had never handled a call like this one.",
    "My partner was a new officer who had not been trained on this situation.",
  ],
  hf_physical_condition: [
    "I was exhausted after the chase and could barely control him once I caught up.",
    "I was recovering from an injury and could not move the way I needed to.",
  ],
  other: [
    "Something unusual happened that I had not seen in my career.",
    "Several small things went wrong at the same time.",
  ],
};

const outcomes: Record<LossPotentialCode, readonly string[]> = {
  fatality: [
    "It could easily have cost me my life. Nobody was hurt, but only by luck.",
    "A few inches or a second either way and an officer would have been killed.",
  ],
  serious_injury: [
    "Luckily nobody was seriously hurt, but it could have ended very differently.",
    "We walked away with bruises, but it could have been a serious injury.",
  ],
  minor_injury: [
    "I ended up with minor scrapes; it could have been worse.",
    "One officer needed first aid at the scene and was fine afterwards.",
  ],
  property_damage: ["The only damage was to the patrol car.", "Equipment was damaged, but nobody was hurt."],
};

const lessons: Record<FactorCode, readonly string[]> = {
  sa_lapse: [
    "Keep scanning. Paperwork can wait until the scene is safe.",
    "Always know where every person on scene is, including your partner.",
  ],
  sa_complacency: [
    "There is no such thing as a routine call. Treat every contact as if it could go wrong.",
    "Familiar addresses are where we let our guard down; do not.",
  ],
  sa_tunnel_vision: [
    "Take a breath and widen your view: look for the second threat.",
    "Catching the suspect is never worth losing your cover and your radio.",
  ],
  sa_distraction: [
    "Do not type on the MDT with a subject still in or near the vehicle.",
    "Put the phone away on scene. A glance is enough time for an attack.",
  ],
  st_concealed_weapon: [
    "Search thoroughly every time, including waistband, boots and pockets.",
    "Assume there is another weapon until you have found it.",
  ],
  st_ambush: [
    "Vary your approach and avoid standing in front of doors and windows.",
    "Park short of the address and approach with cover in mind.",
  ],
  st_sudden_assault: [
    "Watch the hands and keep a reactionary gap, even with a calm subject.",
    "Weapon retention training saved us; practise it regularly.",
  ],
  st_flight_resisting: [
    "Control the arm before telling someone they are under arrest.",
    "Do not chase alone into unknown terrain; set a perimeter.",
  ],
  st_impaired_crisis: [
    "Slow down and use de-escalation; time and distance are your friends.",
    "Request crisis-trained officers and EMS early.",
  ],
  st_multiple_subjects: [
    "Call for more units early when a crowd forms.",
    "Keep the subject between you and the car and watch the bystanders.",
  ],
  eq_firearm_malfunction: [
    "Inspect and function-check your weapon at the start of every shift.",
    "Practise malfunction clearance under stress, not only on a calm range.",
  ],
  eq_radio_failure: [
    "Know where your radio does not work and tell dispatch before you go in.",
    "Have a backup way to call for help, and report dead spots so they get fixed.",
  ],
  eq_vehicle_failure: [
    "Report vehicle problems and do not drive a car you do not trust.",
    "Check tyres and brakes before the shift, not after the pursuit.",
  ],
  eq_less_lethal_failure: [
    "Have a backup plan when the less-lethal option fails.",
    "Practise deployment distances so both probes connect.",
  ],
  eq_armor_ppe: ["Wear your vest every time, hot weather or not.", "Reflective gear is not optional on the roadway."],
  eq_restraint_failure: ["Double-lock every handcuff and check it.", "Inspect restraints before transport."],
  hc_low_light: [
    "Use your light deliberately and do not approach what you cannot see.",
    "Use spotlights and take-downs to light the scene before approaching.",
  ],
  hc_weather: [
    "Slow down in bad weather; arriving is the priority.",
    "Adjust your positioning and footing for ice and rain.",
  ],
  hc_roadway_exposure: [
    "Position the patrol car to protect you and stand away from the traffic side.",
    "Use a passenger-side approach on busy roads and keep watching the traffic.",
  ],
  hc_terrain_structure: [
    "Slow down on unknown ground; a fall takes you out of the fight.",
    "Check your footing before you commit to a route.",
  ],
  hc_hazmat_fire: [
    "Back out and call the fire department when you smell chemicals.",
    "Do not enter smoke without protection.",
  ],
  hc_animal: [
    "Ask about animals before entering a yard or a house.",
    "Have a plan for dogs on every residential call.",
  ],
  td_positioning_cover: [
    "Think about cover before you need it.",
    "Never stand in front of a door you are knocking on.",
  ],
  td_no_backup_wait: [
    "Wait for backup when you can. A few minutes can save a life.",
    "Two officers are not enough for some calls; ask for more.",
  ],
  td_inadequate_search: [
    "The officer who accepts a prisoner searches again, every time.",
    "Never rush a search because of the weather or the time.",
  ],
  td_decision_error: [
    "Weigh the risk of the pursuit against the offence, and call it off when needed.",
    "Slow down the decision when you can; time gives options.",
  ],
  td_policy_deviation: [
    "Policy is written from experience; follow it.",
    "Train the way you work and work the way you train.",
  ],
  tc_communication_breakdown: [
    "Agree on a plan before you approach, even a short one.",
    "Say what you are doing on the radio so everyone knows.",
  ],
  tc_dispatch_info: [
    "Ask dispatch for the history of the address before you arrive.",
    "Assume the call information may be incomplete.",
  ],
  tc_backup_staffing: [
    "When backup is far away, slow the call down and contain it.",
    "Raise staffing concerns through the chain of command.",
  ],
  tc_crossfire: [
    "Be aware of other officers' positions and your background.",
    "Avoid setting up on both sides of a vehicle.",
  ],
  tc_command_control: [
    "Establish command early and make it clear who is in charge.",
    "Multi-agency scenes need one plan and one channel.",
  ],
  hf_fatigue: [
    "Fatigue is a safety issue; speak up when you are too tired to work safely.",
    "Limit back-to-back shifts and take breaks when you can.",
  ],
  hf_stress: [
    "Slow down and breathe; stress narrows your options.",
    "Training under stress makes real stress manageable.",
  ],
  hf_inexperience: [
    "Pair new officers with experienced partners on high-risk calls.",
    "Ask questions and train on what you have not done before.",
  ],
  hf_physical_condition: [
    "Physical fitness is part of officer safety.",
    "Do not go hands-on alone when you are exhausted.",
  ],
  other: ["Debrief every close call with your team.", "Share what happened so others can learn from it."],
};

const titles: Record<FactorCode, readonly string[]> = {
  sa_lapse: ["Second subject approached unnoticed during {incident}", "Lost track of partner during {incident}"],
  sa_complacency: [
    "Routine {incident} at a familiar address nearly turned deadly",
    "Complacency on a routine {incident}",
  ],
  sa_tunnel_vision: ["Tunnel vision during {incident}", "Fixated on one subject, missed the second"],
  sa_distraction: ["MDT distraction during {incident}", "Distracted at the wrong moment on {incident}"],
  st_concealed_weapon: ["Loaded handgun missed after {incident}", "Hidden knife found after {incident}"],
  st_ambush: ["Officer fired upon without warning during {incident}", "Ambush at the door during {incident}"],
  st_sudden_assault: [
    "Calm subject suddenly assaulted officer during {incident}",
    "Attempted gun grab during {incident}",
  ],
  st_flight_resisting: ["Subject fled and dragged officer during {incident}", "Violent resistance during {incident}"],
  st_impaired_crisis: ["Subject in crisis during {incident}", "Impaired subject during {incident}"],
  st_multiple_subjects: ["Officers outnumbered during {incident}", "Crowd interfered with arrest during {incident}"],
  eq_firearm_malfunction: ["Firearm malfunction during {incident}", "Weapon failed to fire during {incident}"],
  eq_radio_failure: ["Radio failed when help was needed during {incident}", "Radio dead spot during {incident}"],
  eq_vehicle_failure: ["Brake failure during {incident}", "Tyre failure at speed during {incident}"],
  eq_less_lethal_failure: ["Less-lethal option failed during {incident}", "CEW ineffective during {incident}"],
  eq_armor_ppe: ["No body armor during {incident}", "No reflective vest during {incident}"],
  eq_restraint_failure: ["Prisoner slipped handcuffs after {incident}", "Restraint failure during {incident}"],
  hc_low_light: ["Could not see his hands in the dark during {incident}", "Low light hid the threat during {incident}"],
  hc_weather: ["Ice and rain turned {incident} dangerous", "Weather nearly caused a crash during {incident}"],
  hc_roadway_exposure: ["Struck-by near miss during {incident}", "Passing truck nearly hit officer during {incident}"],
  hc_terrain_structure: ["Fall through a deck during {incident}", "Hidden ditch during {incident}"],
  hc_hazmat_fire: ["Chemical exposure during {incident}", "Smoke-filled hallway during {incident}"],
  hc_animal: ["Dog attack during {incident}", "Loose dog charged officer during {incident}"],
  td_positioning_cover: ["No cover at the door during {incident}", "Poor positioning during {incident}"],
  td_no_backup_wait: ["Went in without backup on {incident}", "Did not wait for backup during {incident}"],
  td_inadequate_search: ["Rushed pat-down before {incident}", "Incomplete search during {incident}"],
  td_decision_error: ["High-risk decision during {incident}", "Went hands-on too soon during {incident}"],
  td_policy_deviation: ["Shortcut from policy during {incident}", "Deviation from training during {incident}"],
  tc_communication_breakdown: ["Two units, no plan during {incident}", "Communication breakdown during {incident}"],
  tc_dispatch_info: ["Dispatch did not mention a gun on {incident}", "Wrong address on {incident}"],
  tc_backup_staffing: ["Backup twenty minutes away during {incident}", "Short-staffed shift during {incident}"],
  tc_crossfire: ["Crossfire risk during {incident}", "Officer in another's line of fire during {incident}"],
  tc_command_control: ["No one in charge during {incident}", "Multi-agency confusion during {incident}"],
  hf_fatigue: [
    "Fatigue after a double shift during {incident}",
    "Slow reactions at the end of a long shift during {incident}",
  ],
  hf_stress: ["Rushed decisions during {incident}", "Time pressure during {incident}"],
  hf_inexperience: ["First-year officer on {incident}", "New officer, unfamiliar call: {incident}"],
  hf_physical_condition: ["Exhausted after a chase during {incident}", "Injured officer during {incident}"],
  other: ["Unexpected turn during {incident}", "Several things went wrong during {incident}"],
};

const incidentPhrases: Record<IncidentTypeCode, string> = {
  traffic_stop: "a traffic stop",
  vehicle_pursuit: "a vehicle pursuit",
  foot_pursuit: "a foot pursuit",
  emergency_driving: "an emergency response",
  roadway_operations: "a crash scene",
  domestic_disturbance: "a domestic disturbance",
  disturbance_fight: "a fight call",
  welfare_check: "a welfare check",
  mental_health_call: "a mental-health call",
  suspicious_person_vehicle: "a suspicious vehicle check",
  warrant_arrest: "a warrant service",
  prisoner_custody: "a prisoner transport",
  crime_in_progress: "a crime in progress",
  active_threat: "an active threat",
  crowd_civil_disturbance: "a crowd event",
  training: "training",
  off_duty: "an off-duty incident",
  other: "an unusual call",
};

export interface NarrativeInput {
  incidentType: IncidentTypeCode;
  factors: readonly FactorCode[];
  lossPotential: LossPotentialCode;
}

export interface Narrative {
  title: string;
  summary: string;
  lessons: string;
}

export function writeNarrative(rng: Rng, input: NarrativeInput): Narrative {
  const [primary, ...rest] = input.factors;
  const lead = primary ?? "other";
  const title = rng.pick(titles[lead]).replace("{incident}", incidentPhrases[input.incidentType]);
  const sentences = [rng.pick(openings[input.incidentType]), rng.pick(developments[lead])];
  for (const factor of rest.slice(0, 2)) sentences.push(rng.pick(developments[factor]));
  sentences.push(rng.pick(outcomes[input.lossPotential]));
  const lessonSentences = [rng.pick(lessons[lead])];
  for (const factor of rest.slice(0, 2)) lessonSentences.push(rng.pick(lessons[factor]));
  return {
    title: title.charAt(0).toUpperCase() + title.slice(1),
    summary: sentences.join(" "),
    lessons: lessonSentences.join(" "),
  };
}
