import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { downloadBody } from "./download-body.server";

function counted(records: number) {
  const state = { produced: 0, bytes: 0, destroyed: false };
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < records; i++) {
        state.produced++;
        const record = `record ${i} ${"x".repeat(90)}\r\n`; // about 100 bytes
        state.bytes += record.length;
        yield record;
      }
    })(),
  );
  source.on("close", () => {
    state.destroyed = true;
  });
  return { source, state };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("download bodies", () => {
  it("come in pieces of about 64 KB, read only when the client is ready", async () => {
    const { source, state } = counted(5000);
    let gate: () => void = () => {};
    let waiting = 0;
    const body = downloadBody(source, {
      clientReady: () =>
        new Promise<void>((resolve) => {
          waiting++;
          gate = resolve;
        }),
    });
    const reader = body.getReader();
    const first = reader.read();
    await tick();
    expect(waiting).toBe(1);
    expect(state.produced).toBeLessThan(20); // nothing is read ahead of a client that is not ready
    gate();
    const piece = await first;
    expect(piece.value!.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(piece.value!.length).toBeLessThan(64 * 1024 + 200);
    const producedAfterOne = state.produced;
    const second = reader.read();
    await tick();
    expect(state.produced - producedAfterOne).toBeLessThan(20);
    gate();
    await second;
    let total = piece.value!.length + (await second).value!.length;
    for (;;) {
      const next = reader.read();
      await tick();
      gate();
      const { done, value } = await next;
      if (done) break;
      total += value.length;
    }
    expect(total).toBe(state.bytes);
  });

  it("stop reading their source when the client goes away", async () => {
    const { source, state } = counted(100_000);
    const body = downloadBody(source, {
      clientReady: () => Promise.reject(new Error("The client closed the connection")),
    });
    await expect(body.getReader().read()).rejects.toThrow("closed the connection");
    await tick();
    expect(state.destroyed).toBe(true);
    expect(state.produced).toBeLessThan(20);
  });

  it("free their source when the download is cancelled", async () => {
    const { source, state } = counted(100_000);
    const reader = downloadBody(source, {}).getReader();
    await reader.read();
    await reader.cancel();
    await tick();
    expect(state.destroyed).toBe(true);
  });
});
