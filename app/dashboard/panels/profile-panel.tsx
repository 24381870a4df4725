import { useMemo } from "react";
import { FLAG_MARK } from "~/charts/share-comparison";
import type { DashboardState } from "../filter-schema";
import { ModelPanel } from "../panel";
import { isFlagged, PROFILE_CHART_ROWS, profilePanel } from "../models/profile";
import type { PeriodInfo, ProfileView } from "../view-types";

export function ProfilePanel(props: {
  profile: ProfileView;
  state: DashboardState;
  period: PeriodInfo;
  title: string;
  notes?: React.ReactNode;
}) {
  const { profile, state, period, title } = props;
  const model = useMemo(() => profilePanel(profile, state, period, title), [profile, state, period, title]);
  return (
    <ModelPanel
      model={model}
      period={period}
      notes={
        <>
          {profile.rows.some(isFlagged) && profile.bLabel ? (
            <p>
              {FLAG_MARK} flagged: the proportional reporting ratio (PRR) meets the flag rule — reports cite the factor
              more often than {profile.bLabel.toLowerCase()}.
            </p>
          ) : null}
          {props.notes}
          <p>
            The {PROFILE_CHART_ROWS} most cited factors are drawn; the table lists all {profile.rows.length}. Click a
            dot to read the matching reports.
          </p>
        </>
      }
    />
  );
}
