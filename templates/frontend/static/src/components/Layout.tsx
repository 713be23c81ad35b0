// The frame of every page: the app's name, the caller's navigation (a top bar or a sidebar,
// as the document's `layout` says), who is signed in, and the notice.
import type { ReactNode } from "react";
import { Link, NavLink, useNavigate } from "react-router";
import { config } from "../app/config";
import { useAuth } from "../auth/session";
import { shown, t } from "../i18n";
import { navigation } from "../lib/registry";
import { NoticeBar } from "./Notice";

function roleLabel(code: string): string {
  return config.roles.find((r) => r.name === code)?.label ?? code;
}

export function Layout({ children }: { children: ReactNode }) {
  const { caller, logout } = useAuth();
  const navigate = useNavigate();
  const nav = navigation(caller);

  const links = (
    <>
      {nav.pages.map((page) => (
        <NavLink key={page.name} to={page.route} data-testid={`nav-${page.name}`} className="nav-link">
          {shown(page.label)}
        </NavLink>
      ))}
      {nav.admin.length > 0 && nav.pages.length > 0 && <span className="nav-heading">{t("admin")}</span>}
      {nav.admin.map((page) => (
        <NavLink key={page.name} to={page.route} data-testid={`nav-${page.name}`} className="nav-link nav-link-admin">
          {shown(page.label)}
        </NavLink>
      ))}
    </>
  );

  const account =
    config.auth === "none" ? null : caller ? (
      <div className="account">
        <span className="user-menu" data-testid="user-menu">
          {t("signedInAs", { name: caller.username, role: roleLabel(caller.role) })}
        </span>
        <button
          type="button"
          className="button button-ghost"
          data-testid="logout"
          onClick={() => {
            logout();
            navigate("/");
          }}
        >
          {t("logout")}
        </button>
      </div>
    ) : (
      <div className="account">
        <Link to="/login" className="button button-ghost" data-testid="nav-login">
          {t("login")}
        </Link>
        <Link to="/signup" className="button button-primary" data-testid="nav-signup">
          {t("signup")}
        </Link>
      </div>
    );

  return (
    <div className={`app app-${config.layout}`}>
      <header className="app-header">
        <Link to="/" className="brand">
          {config.title}
        </Link>
        {config.layout === "topbar" && (
          <nav className="nav nav-top" aria-label={t("home")}>
            {links}
          </nav>
        )}
        {account}
      </header>
      <div className="app-body">
        {config.layout === "sidebar" && (
          <nav className="nav nav-side" aria-label={t("home")}>
            {links}
          </nav>
        )}
        <main className="app-main">
          <NoticeBar />
          {children}
        </main>
      </div>
    </div>
  );
}
