import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";

export const meta: MetaFunction = () => [{ title: "Read reports — Close Call" }];

export default function LibraryPlaceholder() {
  return (
    <ComingSoon title="Read reports">
      <p>The searchable library of de-identified near misses is being built.</p>
    </ComingSoon>
  );
}
