import { Form, Link, NavLink } from "@remix-run/react";
import type { HeaderUser } from "~/auth/header-user.server";
import { type PermissionString, roleLabels, userHasPermission } from "~/auth/permissions";

// Links for signed-in people, shown by permission. Hiding is for tidiness only: every page
// checks the permission again on the server.
const memberLinks: { to: string; label: string; permission: PermissionString }[] = [
  { to: "/review", label: "Review", permission: "review:submission:any" },
  { to: "/agency", label: "Agency dashboard", permission: "read:analytics:own" },
  { to: "/agency/members", label: "Members", permission: "manage:member:own" },
  { to: "/agency/api-tokens", label: "API tokens", permission: "manage:api-token:own" },
  { to: "/national", label: "National", permission: "read:analytics:any" },
  { to: "/admin/enrolments", label: "Enrolments", permission: "decide:enrolment:any" },
  { to: "/admin/users", label: "Users", permission: "manage:user:any" },
];

export function SiteHeader({ user }: { user?: HeaderUser | null }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand" aria-label="Close Call home">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{" "}
          Close Call
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <NavLink to="/report">Share a near miss</NavLink>
            </li>
            <li>
              <NavLink to="/reports">Read reports</NavLink>
            </li>
            {user ? (
              memberLinks
                .filter((l) => userHasPermission(user, l.permission))
                .map((l) => (
                  <li key={l.to}>
                    <NavLink to={l.to} end>
                      {l.label}
                    </NavLink>
                  </li>
                ))
            ) : (
              <li>
                <NavLink to="/sign-in">Partner sign-in</NavLink>
              </li>
            )}
          </ul>
        </nav>
        {user ? (
          <div className="user-menu">
            <span className="who">
              <NavLink to="/account">
                <strong>{user.displayName}</strong>
              </NavLink>{" "}
              · {roleLabels[user.role]}
            </span>
            <Form method="post" action="/sign-out">
              <input type="hidden" name="csrf" value={user.csrf} />
              <button type="submit">Sign out</button>
            </Form>
          </div>
        ) : null}
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Close Call is voluntary, anonymous and non-disciplinary. Reports are counts of close calls that officers chose
        to share, not measures of risk.
      </p>
    </footer>
  );
}
