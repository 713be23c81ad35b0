// A list page (§10): search, filters, sortable columns, a total and a pager, with its buttons;
// a table, or cards for a storefront.
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import type { ApiRow, ListResult, Query } from "../api/http";
import { config } from "../app/config";
import { useAuth } from "../auth/session";
import { RefSelect } from "../components/RefSelect";
import { useNotice } from "../components/Notice";
import { useOperations } from "../components/useOperations";
import { shown, t } from "../i18n";
import { formatValue } from "../lib/format";
import type { ButtonMeta, FieldMeta, PageMeta } from "../lib/meta";
import { useRefLabels } from "../lib/refs";
import { detailRoute, entityMeta, mayPress } from "../lib/registry";
import { PageHeader } from "./PageHeader";

function fieldsByName(all: FieldMeta[], names: string[]): FieldMeta[] {
  return names.flatMap((name) => all.filter((f) => f.name === name));
}

export function ListPage({ page }: { page: PageMeta }) {
  const entity = entityMeta(page.entity);
  const { caller } = useAuth();
  const notice = useNotice();
  const [result, setResult] = useState<ListResult | null>(null);
  const [pageNo, setPageNo] = useState(1);
  const [sort, setSort] = useState<string | undefined>(page.sort);
  const [q, setQ] = useState("");
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const { run, dialog } = useOperations(entity, reload);

  const columns = useMemo(() => fieldsByName(entity.fields, page.columns), [entity, page.columns]);
  const filterFields = useMemo(() => fieldsByName(entity.fields, page.filters), [entity, page.filters]);
  const buttons = page.buttons.filter((b) => mayPress(b, caller));
  const pageButtons = buttons.filter((b) => !b.row);
  const rowButtons = buttons.filter((b) => b.row);

  useEffect(() => {
    let live = true;
    const query: Query = { page: pageNo, size: config.pageSize, sort, q: page.search ? q : undefined, ...filters };
    const load = page.source ?? ((qq: Query) => entity.api.list(qq));
    load(query)
      .then((r) => live && setResult(r))
      .catch((error: unknown) => {
        if (!live) return;
        setResult({ items: [], total: 0, page: 1, size: config.pageSize });
        notice.show("error", error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
    };
    // `notice` is stable enough: showing a message must not reload the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page, entity, pageNo, sort, q, filters, version, caller]);

  const rows = result?.items ?? [];
  const refLabel = useRefLabels(columns, rows);
  const pages = result ? Math.max(1, Math.ceil(result.total / result.size)) : 1;
  const complete = result !== null && result.total <= rows.length;
  // Computed amounts (a cart line's subtotal, an order's total) add up; prices do not.
  const moneyColumns = columns.filter((c) => c.money && c.computed);

  const toggleSort = (field: FieldMeta) => {
    setSort((current) => (current === field.name ? `-${field.name}` : field.name));
    setPageNo(1);
  };

  const cell = (row: ApiRow, field: FieldMeta, index: number) => {
    const text = formatValue(field, row[field.name], refLabel(field, row[field.name]));
    const route = index === 0 ? detailRoute(entity.name, row.id, caller) : null;
    return route ? <Link to={route}>{text}</Link> : text;
  };

  const buttonFor = (button: ButtonMeta, row: ApiRow | null) => (
    <button
      key={button.name}
      type="button"
      className={`button ${button.kind === "delete" ? "button-danger" : button.row ? "button-ghost" : "button-primary"}`}
      data-testid={`btn-${button.name}`}
      onClick={() => run(button, row)}
    >
      {shown(button.label)}
    </button>
  );

  return (
    <section className="page page-list" data-testid={page.testId} aria-labelledby="page-title">
      <PageHeader title={shown(page.label)}>{pageButtons.map((b) => buttonFor(b, null))}</PageHeader>

      {(page.search || filterFields.length > 0) && (
        <div className="toolbar" role="search">
          {page.search && (
            <input
              className="input search"
              type="search"
              data-testid="search"
              aria-label={t("search")}
              placeholder={t("searchPlaceholder")}
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                setPageNo(1);
              }}
            />
          )}
          {filterFields.map((field) => (
            <label key={field.name} className="filter">
              <span>{shown(field.label)}</span>
              <FilterInput
                field={field}
                value={filters[field.name] ?? ""}
                onChange={(value) => {
                  setFilters(({ [field.name]: _old, ...rest }) => (value === "" ? rest : { ...rest, [field.name]: value }));
                  setPageNo(1);
                }}
              />
            </label>
          ))}
        </div>
      )}

      {result === null ? (
        <p className="muted">{t("loading")}</p>
      ) : rows.length === 0 ? (
        <p className="empty" data-testid="list">
          {t("empty")}
        </p>
      ) : page.cards ? (
        <ul className="cards" data-testid="list">
          {rows.map((row) => (
            <li key={row.id} className="card" data-testid={`row-${row.id}`}>
              {columns.map((field, index) => (
                <div key={field.name} className={index === 0 ? "card-title" : field.money ? "card-price" : "card-line"} data-testid={`cell-${field.name}`}>
                  {index > 0 && !field.money && <span className="card-label">{shown(field.label)}</span>}
                  {cell(row, field, index)}
                </div>
              ))}
              {rowButtons.length > 0 && <div className="card-actions">{rowButtons.map((b) => buttonFor(b, row))}</div>}
            </li>
          ))}
        </ul>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="list">
            <thead>
              <tr>
                {columns.map((field) => (
                  <th
                    key={field.name}
                    scope="col"
                    aria-sort={sort === field.name ? "ascending" : sort === `-${field.name}` ? "descending" : undefined}
                  >
                    {field.sortable ? (
                      <button type="button" className="sort" data-testid={`sort-${field.name}`} onClick={() => toggleSort(field)}>
                        {shown(field.label)}
                        <span aria-hidden="true">{sort === field.name ? " ▲" : sort === `-${field.name}` ? " ▼" : ""}</span>
                      </button>
                    ) : (
                      shown(field.label)
                    )}
                  </th>
                ))}
                {rowButtons.length > 0 && (
                  <th scope="col">
                    <span className="visually-hidden">{t("actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid={`row-${row.id}`}>
                  {columns.map((field, index) => (
                    <td key={field.name} data-testid={`cell-${field.name}`} className={field.kind === "decimal" || field.kind === "integer" ? "num" : field.kind === "long_text" ? "long" : undefined}>
                      {cell(row, field, index)}
                    </td>
                  ))}
                  {rowButtons.length > 0 && <td className="row-actions">{rowButtons.map((b) => buttonFor(b, row))}</td>}
                </tr>
              ))}
            </tbody>
            {complete && moneyColumns.length > 0 && (
              <tfoot>
                <tr>
                  {columns.map((field, index) => (
                    <td key={field.name} className={field.money ? "num" : undefined} data-testid={moneyColumns.includes(field) ? `sum-${field.name}` : undefined}>
                      {moneyColumns.includes(field)
                        ? formatValue(field, rows.reduce((sum, row) => sum + Number(row[field.name] ?? 0), 0).toFixed(field.scale ?? 2))
                        : index === 0
                          ? t("pageTotal")
                          : ""}
                    </td>
                  ))}
                  {rowButtons.length > 0 && <td />}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}

      {result !== null && (
        <nav className="pager" aria-label={t("pageOf", { page: pageNo, pages })}>
          <span data-testid="total">{t("total", { count: result.total })}</span>
          {pages > 1 && (
            <span className="pager-buttons">
              <button type="button" className="button" data-testid="pager-prev" disabled={pageNo <= 1} onClick={() => setPageNo((p) => p - 1)}>
                {t("previous")}
              </button>
              <span data-testid="pager-page">{t("pageOf", { page: pageNo, pages })}</span>
              <button type="button" className="button" data-testid="pager-next" disabled={pageNo >= pages} onClick={() => setPageNo((p) => p + 1)}>
                {t("next")}
              </button>
            </span>
          )}
        </nav>
      )}
      {dialog}
    </section>
  );
}

function FilterInput({ field, value, onChange }: { field: FieldMeta; value: string; onChange(value: string): void }) {
  const testId = `filter-${field.name}`;
  if (field.kind === "ref" && field.target) {
    return <RefSelect id={testId} target={field.target} value={value} onChange={onChange} testId={testId} placeholder={t("all")} />;
  }
  if (field.kind === "enum" || field.kind === "boolean") {
    const values = field.kind === "enum" ? (field.values ?? []) : ["true", "false"];
    return (
      <select className="input" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("all")}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {field.kind === "boolean" ? t(v === "true" ? "yes" : "no") : v}
          </option>
        ))}
      </select>
    );
  }
  return <input className="input" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />;
}
