import { OneTimeSecret } from "./fields";

/**
 * What an account page's action answers: the intent it handled, its field errors and the values to fill
 * the form again with, a notice, or a secret (a token, a link, a code) shown this once.
 */
export type ActionResult = {
  intent: string;
  errors: Record<string, string>;
  values?: Record<string, string>;
  message?: string;
  secret?: { label: string; value: string; note?: string };
};

/** The action's notice and its one-time secret, at the top of the page. */
export function ActionNotices({ result }: { result: Pick<ActionResult, "message" | "secret"> | undefined }) {
  return (
    <>
      {result?.message ? (
        <p className="notice ok" role="status">
          {result.message}
        </p>
      ) : null}
      {result?.secret ? <OneTimeSecret {...result.secret} /> : null}
    </>
  );
}
