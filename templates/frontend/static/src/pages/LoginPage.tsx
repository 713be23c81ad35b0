import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError } from "../api/http";
import { useAuth } from "../auth/session";
import { useNotice } from "../components/Notice";
import { t } from "../i18n";

export function LoginPage() {
  const { login } = useAuth();
  const notice = useNotice();
  const navigate = useNavigate();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const me = await login(username.trim(), password);
      notice.show("success", t("welcome", { name: me.username }));
      navigate("/");
    } catch (error) {
      notice.show("error", error instanceof ApiError && error.status === 401 ? t("loginFailed") : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page page-auth" data-testid="page-login" aria-labelledby="page-title">
      <form className="auth-card" onSubmit={(e) => void submit(e)}>
        <h1 id="page-title" data-testid="page-title">
          {t("login")}
        </h1>
        <div className="form-field">
          <label htmlFor="login-username">{t("username")}</label>
          <input id="login-username" className="input" data-testid="login-username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="form-field">
          <label htmlFor="login-password">{t("password")}</label>
          <input id="login-password" className="input" type="password" data-testid="login-password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary button-block" data-testid="login-submit" disabled={busy}>
          {t("login")}
        </button>
        <p className="muted">
          {t("noAccount")} <Link to="/signup">{t("signup")}</Link>
        </p>
      </form>
    </section>
  );
}
