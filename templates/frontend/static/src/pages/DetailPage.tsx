// A detail page: every field of one row, and the buttons that act on it.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { ApiRow } from "../api/http";
import { useAuth } from "../auth/session";
import { useOperations } from "../components/useOperations";
import { shown, t } from "../i18n";
import { formatValue } from "../lib/format";
import type { PageMeta } from "../lib/meta";
import { useRefLabels } from "../lib/refs";
import { entityMeta, mayPress } from "../lib/registry";
import { PageHeader } from "./PageHeader";

export function DetailPage({ page }: { page: PageMeta }) {
  const entity = entityMeta(page.entity);
  const { id } = useParams();
  const navigate = useNavigate();
  const { caller } = useAuth();
  const [row, setRow] = useState<ApiRow | null>(null);
  const [missing, setMissing] = useState(false);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const { run, dialog } = useOperations(entity, reload);
  const fields = useMemo(() => entity.fields.filter((f) => f.shown), [entity]);
  const rows = useMemo(() => (row ? [row] : []), [row]);
  const refLabel = useRefLabels(fields, rows);

  useEffect(() => {
    let live = true;
    entity.api
      .read(Number(id))
      .then((r) => live && setRow(r))
      .catch(() => live && setMissing(true));
    return () => {
      live = false;
    };
  }, [entity, id, version, caller]);

  const buttons = page.buttons.filter((b) => b.row && mayPress(b, caller));
  const title = row ? `${entity.label} · ${String(row[entity.labelField ?? "id"] ?? `#${row.id}`)}` : entity.label;

  return (
    <section className="page page-detail" data-testid={page.testId} aria-labelledby="page-title">
      <PageHeader title={title}>
        <button type="button" className="button" onClick={() => navigate(-1)}>
          {t("back")}
        </button>
      </PageHeader>
      {missing ? (
        <p className="empty">{t("notFound")}</p>
      ) : row === null ? (
        <p className="muted">{t("loading")}</p>
      ) : (
        <div className="detail">
          <dl className="detail-fields">
            {fields.map((field) => (
              <div key={field.name} className="detail-field">
                <dt>{shown(field.label)}</dt>
                <dd data-testid={`detail-${field.name}`}>{formatValue(field, row[field.name], refLabel(field, row[field.name]))}</dd>
              </div>
            ))}
          </dl>
          {buttons.length > 0 && (
            <div className="detail-actions">
              {buttons.map((b) => (
                <button
                  key={b.name}
                  type="button"
                  className={`button ${b.kind === "delete" ? "button-danger" : "button-primary"}`}
                  data-testid={`btn-${b.name}`}
                  onClick={() => run(b, row)}
                >
                  {shown(b.label)}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {dialog}
    </section>
  );
}
