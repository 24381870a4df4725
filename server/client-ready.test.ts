import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { clientReadiness } from "./client-ready";

/** A response whose write() answers as a full socket or gzip stream would. */
function fakeResponse(accepts: () => boolean) {
  const res = Object.assign(new EventEmitter(), {
    destroyed: false,
    socket: { destroyed: false },
    write: (_chunk: unknown) => accepts(),
  });
  return res as unknown as ServerResponse & EventEmitter;
}

const settled = async (p: Promise<void>) =>
  Promise.race([
    p.then(
      () => "resolved",
      () => "rejected",
    ),
    new Promise((r) => setTimeout(() => r("pending"), 20)),
  ]);

describe("clientReadiness", () => {
  it("is ready while writes are accepted, waits after a refused write until 'drain'", async () => {
    let accept = true;
    const res = fakeResponse(() => accept);
    const ready = clientReadiness(res);
    res.write("a");
    expect(await settled(ready())).toBe("resolved");
    accept = false;
    res.write("b");
    const waiting = ready();
    expect(await settled(waiting)).toBe("pending");
    res.emit("drain");
    expect(await settled(waiting)).toBe("resolved");
    expect(await settled(ready())).toBe("resolved"); // drained: ready again
  });

  it("rejects when the client goes away while the download waits", async () => {
    const res = fakeResponse(() => false);
    const ready = clientReadiness(res);
    res.write("a");
    const waiting = ready();
    res.emit("close");
    await expect(waiting).rejects.toThrow("The client closed the connection");
  });
});
