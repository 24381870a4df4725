// What the workers of `npm start -- --workers N` ask their primary (Node cluster IPC): the secrets that
// only the primary holds in memory and every worker must agree on — the day's salt of the address keys,
// the signing secrets of intake's challenges. Rate limits and spent challenges are counted in the primary
// by rate-limiter-flexible's cluster limiter (app/intake/abuse-guard.server.ts).
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";

const CHANNEL = "closecall-primary";

export type PrimaryQuestion = { kind: "address-salt"; day: string } | { kind: "challenge-secrets" };

interface Ask {
  channel: typeof CHANNEL;
  id: number;
  question: PrimaryQuestion;
}
interface Answer {
  channel: typeof CHANNEL;
  id: number;
  answer?: string[];
  error?: string;
}

/**
 * The primary's side: one salt per UTC day (the previous day's is forgotten once a worker asks for the
 * next), and one pair of challenge secrets per primary start, all in this process's memory only.
 */
export function answerWorkers(): void {
  let salt = { day: "", value: "" };
  const secrets = [randomBytes(32).toString("base64"), randomBytes(32).toString("base64")];
  const answer = (question: PrimaryQuestion): string[] => {
    if (question.kind === "challenge-secrets") return secrets;
    // A worker whose clock passed midnight first rotates it; one still on yesterday gets today's too.
    if (question.day > salt.day) salt = { day: question.day, value: randomBytes(32).toString("base64") };
    return [salt.value];
  };
  cluster.on("message", (worker: Worker, message: unknown) => {
    const ask = message as Partial<Ask>;
    if (ask?.channel !== CHANNEL || typeof ask.id !== "number" || !ask.question) return;
    let reply: Answer;
    try {
      reply = { channel: CHANNEL, id: ask.id, answer: answer(ask.question) };
    } catch (error) {
      reply = { channel: CHANNEL, id: ask.id, error: error instanceof Error ? error.message : String(error) };
    }
    worker.send(reply);
  });
}

let nextId = 0;
const waiting = new Map<number, { resolve: (answer: string[]) => void; reject: (error: Error) => void }>();
let listening = false;

/** A worker's side: asks and waits (10 s at most: a primary that does not answer is a broken deployment). */
export function askPrimary(question: PrimaryQuestion): Promise<string[]> {
  if (!cluster.isWorker || !process.send) return Promise.reject(new Error("not a worker of a Close Call primary"));
  if (!listening) {
    listening = true;
    process.on("message", (message: unknown) => {
      const reply = message as Partial<Answer>;
      if (reply?.channel !== CHANNEL || typeof reply.id !== "number") return;
      const wait = waiting.get(reply.id);
      if (!wait) return;
      waiting.delete(reply.id);
      if (reply.answer) wait.resolve(reply.answer);
      else wait.reject(new Error(reply.error ?? "the primary gave no answer"));
    });
  }
  const id = ++nextId;
  return new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error("the primary process did not answer within 10 s"));
    }, 10_000);
    timer.unref();
    waiting.set(id, {
      resolve: (answer) => (clearTimeout(timer), resolve(answer)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    process.send!({ channel: CHANNEL, id, question } satisfies Ask);
  });
}
