// For middleware tests: an express app listening on a free local port while this test file runs.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express } from "express";
import { afterAll, beforeAll } from "vitest";

/** `setup` adds the middleware and routes under test; `base` is the app's URL once it listens. */
export function serveDuringTests(setup: (app: Express) => void): { base: string } {
  const served = { base: "" };
  let server: Server;
  beforeAll(async () => {
    const app = express();
    setup(app);
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    served.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());
  return served;
}
