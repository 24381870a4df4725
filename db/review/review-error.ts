/** An expected refusal of a review action; routes turn `kind` into a status (404, 409, 400). */
export class ReviewError extends Error {
  constructor(
    readonly kind: "not_found" | "conflict" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "ReviewError";
  }
}
