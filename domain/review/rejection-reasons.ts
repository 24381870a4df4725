// Browser-safe: why a report is not published. The officer reads the text on the receipt page, so it
// says what happened without blame and never quotes the report.
export const rejectionReasons = [
  {
    code: "not_near_miss",
    label: "Not a near miss",
    text:
      "It does not describe a close call in which an officer could have been hurt, so it is outside what the " +
      "programme publishes.",
  },
  {
    code: "cannot_deidentify",
    label: "Cannot be de-identified",
    text: "It could not be published without details that would identify the people or the place involved.",
  },
  {
    code: "insufficient_detail",
    label: "Not enough detail",
    text: "There was not enough detail to draw a lesson from it, and the question to you was not answered in time.",
  },
  {
    code: "ongoing_matter",
    label: "Ongoing investigation or litigation",
    text:
      "It concerns a matter that is still under investigation or in court; please report it again once it is " +
      "closed.",
  },
  {
    code: "not_law_enforcement",
    label: "Not law enforcement",
    text: "It does not concern law-enforcement work, which is what the programme covers.",
  },
  {
    code: "test_or_abuse",
    label: "Test, spam or abusive",
    text: "It was a test, spam or abusive, not a report of an event.",
  },
] as const;

export type RejectionReasonCode = (typeof rejectionReasons)[number]["code"];
export const rejectionReasonCodes = rejectionReasons.map((r) => r.code) as [
  RejectionReasonCode,
  ...RejectionReasonCode[],
];
