import { Form } from "@remix-run/react";
import { CsrfInput, SelectField } from "./fields";

/** The "Role" section of a person's page (administrators' users, commanders' members): posts intent=role. */
export function RoleSection({
  csrf,
  options,
  current,
}: {
  csrf: string;
  options: readonly { value: string; label: string }[];
  current: string;
}) {
  return (
    <section className="settings-section" aria-labelledby="role-title">
      <h2 id="role-title">Role</h2>
      <Form method="post">
        <CsrfInput token={csrf} />
        <input type="hidden" name="intent" value="role" />
        <SelectField name="role" label="Role" options={options} defaultValue={current} />
        <div className="form-actions">
          <button type="submit">Change role</button>
        </div>
      </Form>
    </section>
  );
}
