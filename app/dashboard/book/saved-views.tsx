// Saved views: a member names the current view, finds it again, copies its link. Plain forms
// with the session's CSRF token; the copy button appears once the page can copy (after hydration).
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { SavedViewItem } from "../../../db/saved-views/saved-views";
import type { SavedViewResult } from "../saved-views.server";

function CopyLink({ path, name }: { path: string; name: string }) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  const copy = async () => {
    await navigator.clipboard.writeText(new URL(path, window.location.origin).href);
    setCopied(true);
  };
  return (
    // The accessible name starts with the visible text (axe: label-content-name-mismatch).
    <button
      type="button"
      className="link-button"
      onClick={() => void copy()}
      aria-label={`${copied ? "Link copied" : "Copy link"}: ${name}`}
    >
      {copied ? "Link copied" : "Copy link"}
    </button>
  );
}

export function SavedViews({
  views,
  csrf,
  currentPath,
}: {
  views: SavedViewItem[];
  csrf: string;
  currentPath: string;
}) {
  const result = useActionData<SavedViewResult>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <details className="saved-views" open={views.length > 0 || result !== undefined}>
      <summary>Saved views ({views.length})</summary>
      {result ? (
        <p className={`notice ${result.ok ? "ok" : "danger"}`} role="status">
          {result.message}
        </p>
      ) : null}
      <Form method="post" className="save-view-form" key={views.length}>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="intent" value="save-view" />
        <input type="hidden" name="path" value={currentPath} />
        <div className="field">
          <label htmlFor="saved-view-name">Name this view</label>
          <input
            id="saved-view-name"
            name="name"
            maxLength={80}
            required
            aria-invalid={result?.errors?.name ? true : undefined}
            aria-describedby={result?.errors?.name ? "saved-view-name-error" : undefined}
          />
          {result?.errors?.name ? (
            <span className="field-error" id="saved-view-name-error">
              {result.errors.name}
            </span>
          ) : null}
        </div>
        <button type="submit" disabled={busy}>
          Save this view
        </button>
      </Form>
      {views.length === 0 ? (
        <p className="hint">No saved view yet.</p>
      ) : (
        <ul className="saved-view-list" aria-label="Your saved views">
          {views.map((v) => (
            <li key={v.id}>
              <Link to={v.path}>{v.name}</Link>
              <CopyLink path={v.path} name={v.name} />
              <Form method="post" className="inline-form">
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="intent" value="delete-view" />
                <input type="hidden" name="id" value={v.id} />
                <button type="submit" className="link-button" aria-label={`Delete the saved view “${v.name}”`}>
                  Delete
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
