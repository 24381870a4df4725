import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";

export const meta: MetaFunction = () => [{ title: "Partner sign-in — Close Call" }];

export default function SignInPlaceholder() {
  return (
    <ComingSoon title="Partner sign-in">
      <p>Sign-in for agency partners, reviewers and programme staff is being built.</p>
    </ComingSoon>
  );
}
