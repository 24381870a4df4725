// Plain explanations for intake's expected failures, shared by the server (thrown responses) and
// the page (error boundary), so they read the same with and without JavaScript.

export const INTAKE_CLOSED_MESSAGE =
  "Reporting is paused: the server's encryption key is missing or not safe to use, so nothing could be " +
  "stored securely. Nothing you type here is sent or kept. An administrator has to fix the key; please try again " +
  "later.";

export const TOO_LARGE_MESSAGE =
  "What you sent is larger than 1 MB, which is far more than a report needs. Go back: your text is still " +
  "in the form. Shorten the longest part and send it again.";
