// Builds the app once before the run when sources changed: the client-bundle and server tests read it.
import { buildIfStale } from "../../scripts/build-if-stale.mjs";

export default function setup() {
  buildIfStale({ quiet: true });
}
