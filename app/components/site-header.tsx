import { Link, NavLink } from "@remix-run/react";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand" aria-label="Close Call home">
          <span className="brand-mark" aria-hidden="true">◆</span> Close Call
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li><NavLink to="/report">Share a near miss</NavLink></li>
            <li><NavLink to="/reports">Read reports</NavLink></li>
            <li><NavLink to="/sign-in">Partner sign-in</NavLink></li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Close Call is voluntary, anonymous and non-disciplinary. Reports are counts of close calls that
        officers chose to share, not measures of risk.
      </p>
    </footer>
  );
}
