// A form page (§10 `form ENTITY`): creates a row, or edits the row in the URL.
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { ApiRow } from "../api/http";
import { useAuth } from "../auth/session";
import { EntityForm, valuesOf } from "../components/EntityForm";
import { useNotice } from "../components/Notice";
import { t } from "../i18n";
import type { PageMeta } from "../lib/meta";
import { detailRoute, entityMeta } from "../lib/registry";
import { PageHeader } from "./PageHeader";

export function FormPage({ page }: { page: PageMeta }) {
  const entity = entityMeta(page.entity);
  const { id } = useParams();
  const navigate = useNavigate();
  const { caller } = useAuth();
  const notice = useNotice();
  const [row, setRow] = useState<ApiRow | null>(null);
  const editing = id !== undefined;
  const fields = entity.fields.filter((f) => (editing ? f.update : f.create));

  useEffect(() => {
    if (!editing) return;
    let live = true;
    entity.api
      .read(Number(id))
      .then((r) => live && setRow(r))
      .catch((e: unknown) => notice.show("error", e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entity, id, editing]);

  if (editing && row === null) return <p className="muted">{t("loading")}</p>;

  return (
    <section className="page page-form" data-testid={page.testId} aria-labelledby="page-title">
      <PageHeader title={page.label} />
      <EntityForm
        key={row?.id ?? "new"}
        fields={fields}
        testId={`form-${entity.name}`}
        initial={row ? valuesOf(fields, row) : undefined}
        partial={editing}
        submit={async (body) => {
          const saved = editing ? await entity.api.update!(Number(id), body) : await entity.api.create!(body);
          notice.show("success", editing ? t("saved") : t("created", { entity: entity.label }), saved.id);
          const route = detailRoute(entity.name, saved.id, caller);
          if (route) navigate(route);
        }}
        onRefused={(e) => notice.show("error", e.message)}
        footer={(busy) => (
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="submit" disabled={busy}>
              {t("save")}
            </button>
          </div>
        )}
      />
    </section>
  );
}
