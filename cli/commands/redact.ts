import { detectIdentifiers } from "../../db/deidentify/index";
import type { Command } from "../command";
import { parseOptions } from "../parse";

export const redact: Command = {
  name: "redact",
  summary: "find identifiers in text on stdin; prints a JSON array of {type,start,end,text} (end exclusive)",
  usage: "closecall redact [--pretty] < narrative.txt",
  async run(args, io) {
    const { values } = parseOptions(args, { pretty: { type: "boolean" } });
    const text = await io.readStdin();
    const findings = detectIdentifiers(text).map(({ type, start, end, text: found }) => ({
      type,
      start,
      end,
      text: found,
    }));
    io.out(values.pretty ? JSON.stringify(findings, null, 2) : JSON.stringify(findings));
    return 0;
  },
};
