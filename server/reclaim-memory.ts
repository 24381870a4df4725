import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection, for long downloads (app/exports/download-body.server.ts). V8 collects its
 * old generation once it has grown by about the live heap, so a server holding 130 MB of live objects
 * let a 1M-row export's garbage grow it by 150 MB more before collecting. Collecting every few MB sent
 * keeps the export's memory flat at the price of a pause of some tens of milliseconds each time.
 * `--expose-gc` is turned on here, not on the command line, so that every way of starting the server
 * (npm start, tests, benchmarks) behaves alike; if it cannot be, this does nothing.
 */
export function reclaimMemory(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      collect = vm.runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
