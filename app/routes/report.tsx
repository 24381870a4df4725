import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";

export const meta: MetaFunction = () => [{ title: "Share a near miss — Close Call" }];

export default function ReportPlaceholder() {
  return (
    <ComingSoon title="Share a near miss">
      <p>The anonymous report form is being built. When it is ready you will be able to share a close call from your phone without an account.</p>
    </ComingSoon>
  );
}
