import { useEffect, useState } from "react";
import { disableOfflineApp, enableOfflineApp, offlineAppEnabled, offlineAppSupported } from "./offline-app";

type State = "off" | "saving" | "on" | "failed";

const messages: Record<State, string | null> = {
  off: null,
  saving: "Saving the form on this device…",
  on: "The form opens on this device without a connection. Your answers are not part of it.",
  failed: "The form could not be saved for offline use. Try again when the connection is better.",
};

/**
 * The officer's choice to keep the (empty) report form on this device so it opens offline, which also
 * makes Close Call installable as an app. Off unless turned on: the saved copy is browser storage.
 */
export function OfflineFormOption() {
  const [supported, setSupported] = useState(false);
  const [state, setState] = useState<State>("off");
  useEffect(() => {
    if (!offlineAppSupported()) return;
    setSupported(true);
    void offlineAppEnabled().then((on) => setState((current) => (current === "off" && on ? "on" : current)));
  }, []);
  if (!supported) return null;

  const toggle = async (on: boolean) => {
    if (!on) {
      setState("off");
      await disableOfflineApp();
      return;
    }
    setState("saving");
    try {
      await enableOfflineApp();
      setState("on");
    } catch {
      await disableOfflineApp();
      setState("failed");
    }
  };
  return (
    <div className="offline-option">
      <label className="choice">
        <input
          type="checkbox"
          checked={state === "on" || state === "saving"}
          disabled={state === "saving"}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        <span>
          Open this form without a connection
          <span className="hint">
            Off unless you turn it on. Saves the empty form in this browser (not your answers) and lets you add Close
            Call to your home screen. Anyone using this browser could see it was saved.
          </span>
        </span>
      </label>
      <p className="hint" role="status">
        {messages[state]}
      </p>
    </div>
  );
}
