// A written-down set for measuring the library search's recall on the word forms officers type:
// short published reports that use irregular plurals and past forms, and queries, each
// with the word forms that make a report relevant to it. A report is relevant when its title, summary
// or lessons contain one of the forms as a whole word; recall is the share of relevant reports found.
// A few reports use a look-alike word of another meaning (wind, leave, axis), which no query may find.

export interface RecallDocument {
  title: string;
  summary: string;
  lessons: string;
}

export interface RecallQuery {
  query: string;
  /** Whole words that make a report relevant to the query. */
  forms: string[];
  /** Words of another meaning: a report with only these must not be found. */
  notForms?: string[];
}

export const recallDocuments: RecallDocument[] = [
  {
    title: "Two knives in the waistband",
    summary: "The pat-down found one knife; two more knives were in his waistband at the jail.",
    lessons: "Finish the search after the first find.",
  },
  {
    title: "Knife behind the seat",
    summary: "A fixed-blade knife was wedged behind the passenger seat and I missed it.",
    lessons: "Search the reach area before anyone sits back down.",
  },
  {
    title: "Kitchen knives at a domestic",
    summary: "The kitchen had knives on the counter within his reach while we talked.",
    lessons: "Move the talk away from the kitchen.",
  },
  {
    title: "Thieves came back for the car",
    summary: "Two thieves returned to the stolen car while I was running the plate alone.",
    lessons: "Wait for cover on a recovered stolen vehicle.",
  },
  {
    title: "A thief with a screwdriver",
    summary: "The thief swung a long screwdriver when I reached for his arm.",
    lessons: "Control the hands first.",
  },
  {
    title: "Both wives on scene",
    summary: "Both wives of the suspect came out and stood between us and him.",
    lessons: "Ask for more units when a crowd forms.",
  },
  {
    title: "Women in the doorway",
    summary: "Three women blocked the doorway while the man fled out the back.",
    lessons: "Cover the back before knocking.",
  },
  {
    title: "A woman with a bat",
    summary: "A woman stepped out of the hallway with a baseball bat.",
    lessons: "Clear the hallway before moving in.",
  },
  {
    title: "Children in the back seat",
    summary: "Children were in the back seat when the driver reached under it for a gun.",
    lessons: "Children in the car do not mean a calm stop.",
  },
  {
    title: "Child on the road",
    summary: "A child ran into the road at the crash scene and I pulled him back.",
    lessons: "Set the cone line wider.",
  },
  {
    title: "Struck by a mirror",
    summary: "The mirror of a passing truck struck my elbow while I stood at the driver's door.",
    lessons: "Approach from the passenger side on a highway.",
  },
  {
    title: "Strike from behind",
    summary: "A bystander tried to strike me from behind during the arrest.",
    lessons: "Keep someone watching the crowd.",
  },
  {
    title: "He fled on foot",
    summary: "The driver fled on foot into the woods and I followed alone.",
    lessons: "Do not follow into the dark alone.",
  },
  {
    title: "Fleeing driver reversed",
    summary: "The fleeing driver reversed toward my cruiser at speed.",
    lessons: "Leave room to move.",
  },
  {
    title: "Shots fired at the door",
    summary: "He shot through the door as we stood in front of it.",
    lessons: "Never stand in front of a door.",
  },
  {
    title: "Shooting at the range",
    summary: "During shooting practice a recruit turned with a loaded pistol.",
    lessons: "Muzzle discipline at all times.",
  },
  {
    title: "Caught the cuff",
    summary: "I caught his cuff just before he swung it at my partner.",
    lessons: "Double lock every time.",
  },
  {
    title: "Catching up on foot",
    summary: "I was catching up on foot when he turned with something in his hand.",
    lessons: "Call your location as you run.",
  },
  {
    title: "Bottle thrown from a balcony",
    summary: "A bottle was thrown from a balcony and broke next to my head.",
    lessons: "Look up at a crowd event.",
  },
  {
    title: "He threw a brick",
    summary: "At the protest a man threw a brick at our line.",
    lessons: "Helmets on before the line forms.",
  },
  {
    title: "Stolen radio used by the suspect",
    summary: "The suspect had a stolen radio and heard our plan.",
    lessons: "Switch channels when a radio is missing.",
  },
  {
    title: "Steal a cruiser",
    summary: "A prisoner tried to steal the cruiser left running.",
    lessons: "Never leave it running.",
  },
  {
    title: "Bitten by a dog",
    summary: "A dog in the yard bit me and I was bitten again at the gate.",
    lessons: "Ask about animals before entering a yard.",
  },
  {
    title: "The fight spilled outside",
    summary: "A fight spilled out of the bar and the men fought in the street.",
    lessons: "Wait for backup at bar closing.",
  },
  {
    title: "Hidden gun in a sock",
    summary: "A small gun was hidden in his sock; he hid it while sitting on the curb.",
    lessons: "Search the ankles.",
  },
  {
    title: "Fell from the roof",
    summary: "I fell from a low roof chasing him and landed near his knife.",
    lessons: "Do not chase across roofs.",
  },
  { title: "Gunmen in two cars", summary: "Two gunmen in two cars boxed in my cruiser.", lessons: "Keep an exit." },
  {
    title: "A gunman at the school",
    summary: "A gunman was reported at the school; he had a replica.",
    lessons: "Treat every report as real until it is not.",
  },
  {
    title: "Axes in the truck bed",
    summary: "He reached into the truck bed where two axes lay.",
    lessons: "Watch what is within reach in a truck bed.",
  },
  {
    title: "Crises on the same bridge",
    summary: "Two mental-health crises on the same bridge in one week; both times the man had a blade.",
    lessons: "Bring the crisis team early.",
  },
  {
    title: "Shelves fell in the store",
    summary: "During the search the shelves fell on my partner.",
    lessons: "Check what is loose before searching.",
  },
  {
    title: "Wind took the door",
    summary: "The wind took the cruiser door into traffic.",
    lessons: "Hold the door in high wind.",
  },
  {
    title: "Leave the scene",
    summary: "The driver tried to leave the scene with my arm in the window.",
    lessons: "Keep arms out of cars.",
  },
  {
    title: "Axis of the crash",
    summary: "The main axis of the crash scene crossed the open lane.",
    lessons: "Close the lane.",
  },
];

export const recallQueries: RecallQuery[] = [
  { query: "knives", forms: ["knife", "knives"] },
  { query: "knife", forms: ["knife", "knives"] },
  { query: "thieves", forms: ["thief", "thieves"] },
  { query: "wives", forms: ["wife", "wives"] },
  { query: "women", forms: ["woman", "women"] },
  { query: "children", forms: ["child", "children"] },
  { query: "struck", forms: ["strike", "strikes", "striking", "struck"] },
  { query: "fled", forms: ["flee", "flees", "fleeing", "fled"] },
  { query: "shot", forms: ["shoot", "shoots", "shooting", "shot"] },
  { query: "caught", forms: ["catch", "catches", "catching", "caught"] },
  { query: "thrown", forms: ["throw", "throws", "throwing", "threw", "thrown"] },
  { query: "stole", forms: ["steal", "steals", "stealing", "stole", "stolen"] },
  { query: "bite", forms: ["bite", "bites", "biting", "bitten"] },
  { query: "fight", forms: ["fight", "fights", "fighting", "fought"] },
  { query: "hide", forms: ["hide", "hides", "hiding", "hid", "hidden"] },
  { query: "fallen", forms: ["fall", "falls", "falling", "fell", "fallen"] },
  { query: "gunmen", forms: ["gunman", "gunmen"] },
  { query: "axe", forms: ["axe", "axes"], notForms: ["axis"] },
  { query: "crisis", forms: ["crisis", "crises"] },
  { query: "shelf", forms: ["shelf", "shelves"] },
  { query: "wound", forms: ["wound", "wounds", "wounded"], notForms: ["wind"] },
  { query: "left", forms: ["left"], notForms: ["leave"] },
];
