// Labelled narratives for the detector's accuracy test, written for it (fictional people, places and
// numbers). Markup: {{TYPE:text}} marks an identifier a reviewer must remove. This set was used
// while tuning the detector; held-out.ts was not (see docs/privacy.md, "The identifier detector").
export const tuningCorpus: readonly string[] = [
  `On {{DATE:03/14/2024}} at approximately {{TIME:0215 hrs}} I was dispatched to {{LOCATION:1423 W. Maple Ave}} ` +
    `for a disturbance. {{PERSON:Sgt. Maria Alvarez}} arrived as my backup. The male, later identified as ` +
    `{{PERSON:Tyrone Jackson}}, pulled a folding knife from his waistband while I was writing the FI card. I ` +
    `had not patted him down because the call came out as a verbal argument.`,
  `Ofc. {{PERSON:Daniel Kowalski}} ({{BADGE_OR_UNIT:badge #4471}}) and I stopped a gray Honda Civic, plate ` +
    `{{PLATE:7ABC123}}, on {{LOCATION:I-94 near mile marker 212}}. The driver gave a false name. When I ` +
    `returned to the car he had moved a pistol from under the seat to his lap. My partner saw it from the ` +
    `passenger side and called it out.`,
  `We were working {{LOCATION:Beat 14}} on nights. Dispatch sent us to a welfare check at the {{LOCATION:Sunrise ` +
    `Motel, room 112}}. The caller, {{PERSON:Mrs. Peterson}}, said her son had not answered his phone since ` +
    `{{DATE:Tuesday the 9th}}. We found him in crisis with a box cutter. My cover officer, {{PERSON:Jake ` +
    `Morrow}}, kept distance and we talked him out of it.`,
  `{{AGENCY:Harbor County Sheriff's Office}} deputies had set spike strips on {{LOCATION:State Route 9}} at ` +
    `{{TIME:23:40}}. The pursued vehicle swerved toward the deputy deploying them. {{PERSON:Deputy Okafor}} ` +
    `jumped over the guardrail. The pursuit had been called off by the sergeant a minute earlier but the radio ` +
    `traffic on {{RADIO_CHANNEL:TAC 3}} was stepped on and nobody heard it.`,
  `Case {{CASE_NUMBER:#24-118734}}. Traffic stop at {{LOCATION:Elm St and 4th Ave}}. Texas tag ` +
    `{{PLATE:LMN-4821}}. The passenger bailed out and ran. I chased him alone into a dark alley behind ` +
    `{{LOCATION:Rosa's Taqueria}}. He turned and squared up with something in his hand which turned out to be a ` +
    `phone. I should have waited for my backup, {{BADGE_OR_UNIT:Unit 22}}, who was thirty seconds out.`,
  `At the range on {{DATE:June 3rd}} a recruit swept the line with a loaded rifle while clearing a malfunction. ` +
    `Range master {{PERSON:Bill Thornton}} grabbed the muzzle and pointed it downrange. Nobody was hurt. The ` +
    `recruit had been told the procedure once, on a slide, the day before.`,
  `I was alone in my patrol car, {{BADGE_OR_UNIT:car 2217}}, running plates on the MDT while driving on ` +
    `{{LOCATION:Lakeshore Drive}}. I looked up and a pedestrian was in the crosswalk at {{LOCATION:Lakeshore ` +
    `and Division}}. I stopped about two feet short. The MDT query was for a plate that could have waited.`,
  `Dispatch gave us a domestic at {{LOCATION:8812 Crestview Court}}. The call notes said no weapons. When we ` +
    `arrived, the husband, {{PERSON:Raymond Ellis}}, opened the door holding a shotgun. We backed off to cover ` +
    `behind the engine block and he put it down after two minutes. CAD {{CASE_NUMBER:2024-003812}} showed a ` +
    `prior call with a gun that the call taker never read to us.`,
  `During a prisoner transport on {{DATE:Jan. 12, 2025}} the inmate, {{PERSON:Marcus Delgado}}, slipped one cuff ` +
    `because the cuffs were not double locked. He swung the open cuff at my partner's face in the sally port of ` +
    `the {{AGENCY:Pine Hollow PD}} jail. We took him down without injury. Double lock every time.`,
  `Off duty at the {{LOCATION:Kroger on Fulton Street}} I saw a man try to force a woman into a van. I identified ` +
    `myself and he reached toward his jacket. I had no radio and no vest. I called 911 from my cell ` +
    `({{PHONE:555-201-3344}}) and kept a car between us until {{AGENCY:Metro City PD}} units arrived.`,
  `Our SWAT team served a high risk warrant at {{LOCATION:220 Birch Lane, Apt 3B}} at {{TIME:0500 hours}}. The ` +
    `breacher's ram bounced off a reinforced door and the team stacked in the fatal funnel for over ten ` +
    `seconds. {{PERSON:Lt. Sarah Kim}} called a withdrawal. Intel from {{PERSON:Det. Paul Hennessey}} had ` +
    `missed the door upgrade.`,
  `Responding code 3 to an officer needs assistance call, I entered the intersection of {{LOCATION:Grand Ave and ` +
    `35th St}} against the red at about 50 mph. A box truck did not hear the siren and I broke hard and missed ` +
    `it by a car length. Unit number {{BADGE_OR_UNIT:4B21}}. I was going too fast for the intersection.`,
  `The complainant, {{PERSON:Denise Walker}}, reported her ex-boyfriend violating a protective order. She gave ` +
    `his number as {{PHONE:(312) 555-0147}}. When we knocked, he came out of the side door with a machete. My ` +
    `partner drew her Taser and the probes missed because of his heavy coat. I transitioned to my firearm and ` +
    `he dropped the machete.`,
  `I ran the subject through NCIC and got this back:
{{NCIC:NCIC RESPONSE
MKE/WANTED PERSON
NAM/BROOKS, DARNELL J
SEX/M RAC/B DOB/19890412 HGT/600 WGT/185
OCA/23-44719 WAR/FELONY ASSAULT
ORI/OH0480300}}
He was not cuffed yet when the hit came back and he heard it on my portable. ` +
    `He ran and we caught him two blocks later.`,
  `At roughly {{TIME:2:30 a.m.}} on {{DATE:Saturday, March 2}}, I was covering a crash on {{LOCATION:Highway 61 ` +
    `at mile marker 38}} in heavy fog. A pickup came through the flares and clipped my open driver's door. My ` +
    `unit was not angled to protect the scene. {{BADGE_OR_UNIT:Trooper badge 1187}} reported it to his ` +
    `supervisor.`,
  `Trainee {{PERSON:Kyle Brandt}} and I answered a suspicious vehicle call at the {{LOCATION:Riverside Park boat ` +
    `launch}}. He approached the driver's side while I was still getting out of the car. The occupant had a ` +
    `pistol on his lap. {{PERSON:Kyle}} saw it and backed off. We had not discussed the approach plan before ` +
    `getting out.`,
  `I was assigned to {{LOCATION:District 7}} on the day shift. We got a call from a bank employee at ` +
    `{{PHONE:414-555-8890}} about a man sitting in the lobby for two hours. It was a mental-health call. He ` +
    `tried to grab my partner's holstered weapon. Retention holster held.`,
  `The truck involved, VIN {{VIN:1HGCM82690A004352}}, had been reported stolen the day before. The driver rammed ` +
    `two patrol cars while we were blocking him in at the {{LOCATION:Shell station on Route 30}}. ` +
    `{{PERSON:Officer Tran}} was between the cars and got pinned briefly. Minor bruising only.`,
  `Email from the caller ({{EMAIL:jfrazier77@gmail.com}}) said her neighbor was making threats. I went alone. He ` +
    `met me in the driveway with a baseball bat and two large dogs. I retreated to my car and waited for ` +
    `{{PERSON:Cpl. Hank Dubois}}. The dogs were the bigger threat.`,
  `We were switched to {{RADIO_CHANNEL:channel 4}} for the event but two units stayed on main. During the foot ` +
    `pursuit I called out the direction of travel and half the units never heard it. The suspect doubled back ` +
    `and came face to face with {{PERSON:Officer Reyes}}, who was alone.`,
  `Prisoner {{PERSON:Leon Whitaker}} complained of chest pain during booking at {{TIME:1:15 PM}}. While the nurse ` +
    `checked him, he grabbed a pen and stabbed at the corrections deputy's neck. The deputy blocked it. Booking ` +
    `number {{CASE_NUMBER:B24-00931}}.`,
  `My sergeant, {{PERSON:Tom Ruiz}}, told me to clear the house alone because the rest of the shift was tied up ` +
    `at a fatal crash. I found a man hiding in the basement closet with a hammer. I should have held the ` +
    `perimeter and waited.`,
  `Vehicle stop at {{TIME:2245}} on {{LOCATION:County Road 12}}. Ohio plate {{PLATE:HJK 4402}}. The driver kept ` +
    `reaching toward the console. I ordered him out and found a loaded revolver in the console. I had walked up ` +
    `on the driver's side with no cover unit for twenty miles.`,
  `A fight at {{LOCATION:O'Malley's Pub on 3rd Street}} turned into a crowd of about forty people. Only two of us ` +
    `were on scene. Someone threw a bottle that hit my partner, {{PERSON:Jen Castillo}}, in the helmet. We ` +
    `pulled back to the cars and waited for mutual aid from {{AGENCY:Lincoln County Sheriff}}.`,
  `I am a school resource officer at {{LOCATION:Jefferson Middle School}}. A student told me another student had ` +
    `a gun in his backpack. I pulled the student out of class with only an assistant principal as backup. The ` +
    `gun was real and loaded. I should have requested a second officer first.`,
  `On the {{DATE:4th of July}} we worked traffic control for fireworks at {{LOCATION:Veterans Memorial Park}}. A ` +
    `drunk driver drove through the cones and struck the reflective barrel next to me. My vest was in the car ` +
    `because of the heat.`,
  `Report {{CASE_NUMBER:RD# JC-554123}}. While serving a civil paper at {{LOCATION:45 Orchard Road}}, a pit bull ` +
    `came around the house. I had no OC or Taser on my belt that day. I got back into the car but the dog bit ` +
    `the door handle as I closed it.`,
  `The dispatcher sent us to the wrong address, {{LOCATION:1600 N. Oak}} instead of {{LOCATION:1600 S. Oak}}. By ` +
    `the time we reached the right house the suspect had left and circled back behind us. {{PERSON:Deputy Sam ` +
    `Gunderson}} spotted him with a rifle at the corner of the garage.`,
  `Traffic stop on {{LOCATION:US-287 near the Decatur exit}}. Colorado plate {{PLATE:CXR-771}}. While I was at ` +
    `the passenger window a semi passed within two feet of me. I had not used the passenger-side approach that ` +
    `our training recommends.`,
  `The {{AGENCY:Springfield Police Department}} SRT team responded to a barricaded subject. {{PERSON:Officer Dana ` +
    `Lee}} was assigned to the perimeter without a ballistic shield. The subject fired through the front window ` +
    `and the rounds went over her head.`,
  `We were on {{RADIO_CHANNEL:Ops 2}} and the repeater kept dropping out. I called for help twice with no answer. ` +
    `The man I was fighting got my flashlight and hit me with it. A citizen called 911 for me. The radio shop ` +
    `says the repeater at {{LOCATION:Hill Top tower}} had been failing for weeks.`,
  `Call for a man with a gun at {{LOCATION:Target, 5600 Lyndale}}. Security officer {{PERSON:Andre Wilson}} met ` +
    `us at the door and said the man was in the back. He turned out to be an off-duty officer from another ` +
    `agency who was carrying and did not identify himself until the last second.`,
  `I was driving to work off duty on {{DATE:11/02/23}} when I saw a crash on the interstate. I stopped to help ` +
    `without lights or vest. A second car hit the wreck while I was standing next to it. I dove into the median.`,
  `During a foot pursuit through backyards the suspect went over a fence. I went over after him and landed on a ` +
    `concrete window well that I had not seen in the dark. I lost my radio. {{BADGE_OR_UNIT:Unit 3-Adam-12}} ` +
    `found me by following my flashlight.`,
  `We responded to {{LOCATION:the Walgreens at Main and Pine}} for a shoplifter. The suspect, {{PERSON:Chris ` +
    `Dunn}}, had a needle in his pocket that stuck my partner during the search. He had said he had nothing ` +
    `sharp. We now ask twice and search with the back of the hand.`,
  `The caller's number was {{PHONE:+1 602 555 0199}}. She said her husband was suicidal and had a gun. When we ` +
    `arrived he was sitting in his truck in the driveway with the engine running. I stood in front of the truck ` +
    `while talking to him. He put it in gear and I had to jump aside.`,
  `Citation {{CASE_NUMBER:No. TC-8841902}} was being written when the driver got out and walked back toward me. I ` +
    `was standing between my car and his car. I told him to stop twice and he kept coming. Turned out he only ` +
    `wanted his license back, but I had nowhere to go.`,
  `At {{TIME:4:50 am}} on {{DATE:December 22nd}}, I was alone on the {{LOCATION:Bayview Bridge}} investigating a ` +
    `disabled vehicle. Ice on the bridge deck. A car lost control and slid toward us. I jumped onto the walkway.`,
  `Inmate {{PERSON:Victor Sandoval}} in {{LOCATION:cell block D}} had a sharpened toothbrush in his mattress. The ` +
    `shakedown team missed it during the morning search. He tried to stab {{PERSON:CO Martinez}} during lunch. ` +
    `The search checklist had been skipped due to staffing.`,
  `My partner {{PERSON:Rick}} and I were sent to a noise complaint. The resident opened the door and immediately ` +
    `punched {{PERSON:Rick}}. I had my hands in my pockets because of the cold. It took me too long to react.`,
  `A vehicle pursuit started on {{LOCATION:Interstate 35 northbound}} and went through three jurisdictions. ` +
    `{{AGENCY:Texas DPS}} and {{AGENCY:Austin PD}} units were on different channels. Nobody coordinated the ` +
    `box. Two units nearly collided head on at the {{LOCATION:Exit 240 ramp}}.`,
  `Texting a coworker about overtime while driving to a call. I drifted over the center line on {{LOCATION:Farm ` +
    `Road 1960}} and an oncoming pickup swerved. My sergeant's cell is {{PHONE:713.555.2280}}; I was texting ` +
    `him back.`,
  `Warrant service for {{PERSON:Darnell Brooks}} at his mother's apartment. Warrant number ` +
    `{{CASE_NUMBER:W-2023-11872}}. The mother said he was not home. He was behind the bedroom door with a ` +
    `kitchen knife. We had cleared the room too quickly.`,
  `Crowd control at the stadium after the game. A man climbed the barricade and grabbed my baton. {{PERSON:Sgt. ` +
    `Laura Chen}} took him down. We were spread too thin along the line and had no arrest team behind us.`,
  `On {{DATE:Feb 28}} around {{TIME:1930}}, I made a stop on a white Ford F-150, Wisconsin registration ` +
    `{{PLATE:AB 12345}}, for no headlights. The driver handed me his license and a bag of meth fell out. He ` +
    `floored it and I was dragged a few feet because my arm was inside the window.`,
  `The {{AGENCY:Cook County Sheriff}} asked our department for help. We were staged at {{LOCATION:the corner of ` +
    `Halsted and 79th}} when shots came from a second-floor window. No one had assigned a rear or a long gun. ` +
    `{{PERSON:Officer Mike O'Brien}} was exposed in the street for several seconds.`,
  `The stolen Jeep (VIN {{VIN:1C4RJFAG0FC625797}}) was parked behind {{LOCATION:Dollar General on Hwy 45}}. I ` +
    `walked up to it alone and found the driver asleep with a pistol in his hand. I backed off and called for a ` +
    `second unit, {{BADGE_OR_UNIT:Unit 41}}, and we did a high-risk extraction.`,
  `Email the reviewers at {{EMAIL:officer.safety.tips@protonmail.com}} if you need more. On {{DATE:May 5, 2024}} ` +
    `my cruiser's brakes faded on a long downhill on {{LOCATION:Mountain Pass Road}} during an emergency run at ` +
    `{{TIME:1740 hrs}}. Fleet had deferred the brake job twice. Shop order {{CASE_NUMBER:FL-2024-0413}}.`,
  `The suspect vehicle's VIN was read to me as {{VIN:2T1BURHEXJC043821}} and the plate, {{PLATE:KPL 9034}}, came ` +
    `back to a different car. I walked up to the window anyway instead of calling it in as a felony stop. Two ` +
    `occupants, one with a warrant for armed robbery.`,
  `At the fatal crash scene on {{DATE:9/14}} I was measuring skid marks in the right lane at about {{TIME:9:15 ` +
    `pm}}. The closure was only a single cruiser with its lightbar. A driver on his phone came through and ` +
    `struck the cone beside me. {{PERSON:Sergeant Ben Okoye}} pulled me out of the lane. Call number ` +
    `{{CASE_NUMBER:24-0914-0331}}.`,
  `I'm writing from my personal email, {{EMAIL:k9handler_mike@yahoo.com}}. My K9 partner alerted on a car at a ` +
    `traffic stop on {{LOCATION:Glenwood Avenue}} and the driver punched the dog. I went hands-on alone while ` +
    `my backup was still 10 minutes out, and the passenger got behind me.`,
  `VIN {{VIN:1G1ZD5STXJF123456}} was on a car in a chop shop at {{LOCATION:3100 Industrial Parkway}}. During the ` +
    `search warrant a worker started a cutting torch near a leaking fuel tank. We evacuated the bay. Search ` +
    `warrant {{CASE_NUMBER:SW-25-0118}} was served by {{AGENCY:Metro City Police Department}} with us assisting.`,
  `A woman called from {{PHONE:555.867.5309}} saying her ex was outside with a gun. I arrived first at ` +
    `{{TIME:0105}} and parked in front of the house, lit up by the porch light. He was sitting in a dark car ` +
    `across the street. He had the rifle pointed at my door when {{PERSON:Officer Greta Lindholm}} lit him up ` +
    `with her spotlight.`,
  `On {{DATE:Thursday, November 7th}} I was dispatched on {{RADIO_CHANNEL:Channel 6}} to assist a stranded ` +
    `motorist on {{LOCATION:Route 22 at the Miller Creek bridge}}. The motorist was wanted ` +
    `({{PLATE:Pennsylvania plate JNB-4471}}) and pulled a knife when I asked for his ID.`,
];
