import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { config } from "../app/config";
import { useAuth } from "../auth/session";
import { EntityForm } from "../components/EntityForm";
import { useNotice } from "../components/Notice";
import { t } from "../i18n";
import type { FieldMeta } from "../lib/meta";

const base: FieldMeta[] = [
  { name: "username", label: t("username"), kind: "text", required: true, maxLength: 150, pattern: "^\\S+$", shown: true, create: true, update: false, filterable: false, sortable: false },
  { name: "email", label: t("email"), kind: "email", required: true, shown: true, create: true, update: false, filterable: false, sortable: false },
  { name: "password", label: t("password"), kind: "password", required: true, shown: false, create: true, update: false, filterable: false, sortable: false },
];

export function SignupPage() {
  const { signup } = useAuth();
  const notice = useNotice();
  const navigate = useNavigate();
  const [fields] = useState(() => [...base, ...config.signupFields]);

  return (
    <section className="page page-auth" data-testid="page-signup" aria-labelledby="page-title">
      <div className="auth-card">
        <h1 id="page-title" data-testid="page-title">
          {t("signup")}
        </h1>
        <EntityForm
          fields={fields}
          testId="form-signup"
          inputPrefix="signup"
          submit={async (body) => {
            const me = await signup(body);
            notice.show("success", t("signedUp", { name: me.username }));
            navigate("/");
          }}
          onRefused={(e) => notice.show("error", e.message)}
          footer={(busy) => (
            <button type="submit" className="button button-primary button-block" data-testid="signup-submit" disabled={busy}>
              {t("signup")}
            </button>
          )}
        />
        <p className="muted">
          {t("haveAccount")} <Link to="/login">{t("login")}</Link>
        </p>
      </div>
    </section>
  );
}
