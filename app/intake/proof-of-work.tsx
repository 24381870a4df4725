import { solveChallenge, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";
import { useEffect, useState } from "react";

// The browser side of the proof of work: ALTCHA's solver (the same library the server verifies
// with), run with WebCrypto on the page itself. No widget, worker blob or third-party request,
// so the strict CSP stays as it is. Without JavaScript nothing runs and the server's no-script
// path applies (see abuse-guard.server.ts).

export type ProofState = "waiting" | "working" | "done" | "failed";

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function useProofOfWork(challengeField: string): { proof: string; state: ProofState } {
  const [proof, setProof] = useState("");
  const [state, setState] = useState<ProofState>("waiting");
  useEffect(() => {
    const controller = new AbortController();
    let cancelled = false;
    setState("working");
    setProof("");
    (async () => {
      const challenge = JSON.parse(fromBase64Url(challengeField)) as Challenge;
      const solution: Solution | null = await solveChallenge({ challenge, deriveKey, controller });
      if (cancelled) return;
      if (!solution) return setState("failed");
      setProof(toBase64Url(JSON.stringify(solution)));
      setState("done");
    })().catch(() => {
      if (!cancelled) setState("failed");
    });
    return () => {
      cancelled = true;
      controller.abort();
    };
  }, [challengeField]);
  return { proof, state };
}

const messages: Record<ProofState, string> = {
  waiting: "Before sending, read your report through once.",
  working: "Running a short security check in this browser (a few seconds)…",
  done: "Security check done. You can send your report.",
  failed: "The security check could not run. You can still send: it will take a few seconds longer.",
};

export function ProofOfWorkStatus({ state }: { state: ProofState }) {
  return (
    <p className={`pow-status pow-${state}`} role="status">
      {messages[state]}
    </p>
  );
}
