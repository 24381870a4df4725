import { factorFamilies, factors, MAX_FACTORS_PER_REPORT } from "../../domain/taxonomy";

/**
 * Step 2's 37 factors under their seven families, each a native <details> (works without JavaScript,
 * opens with Enter or Space on its summary). A family with a ticked factor starts open; the summary
 * says how many factors it holds and how many are ticked, so a closed family still shows its choice.
 */
export function FactorFamilies({ initial, ticked }: { initial: readonly string[]; ticked: readonly string[] }) {
  return (
    <div className="factor-families-list">
      {factorFamilies.map((family) => {
        const members = factors.filter((f) => f.family === family.code);
        const chosen = members.filter((f) => ticked.includes(f.code)).length;
        return (
          <details key={family.code} className="factor-family" open={members.some((f) => initial.includes(f.code))}>
            <summary>
              <span className="family-name">{family.label}</span>
              <span className="family-count">
                {members.length} {members.length === 1 ? "factor" : "factors"}
                {chosen > 0 ? ` · ${chosen} ticked` : ""}
              </span>
            </summary>
            <fieldset aria-describedby="factors-hint">
              <legend className="visually-hidden">{family.label}</legend>
              {members.map((factor) => (
                <label className="choice" key={factor.code}>
                  <input
                    type="checkbox"
                    name="factors"
                    value={factor.code}
                    defaultChecked={initial.includes(factor.code)}
                  />
                  <span>{factor.plain}</span>
                </label>
              ))}
            </fieldset>
          </details>
        );
      })}
      <p className="hint factor-total" aria-live="polite">
        {ticked.length} of at most {MAX_FACTORS_PER_REPORT} ticked
      </p>
    </div>
  );
}
