// Labels of referenced rows (§10: the target's first required text field, else "#id"), fetched
// once per row and shared by every list, card and select on the page.
import { useEffect, useState } from "react";
import type { ApiRow } from "../api/http";
import type { FieldMeta } from "./meta";
import { entityMeta } from "./registry";

const labels = new Map<string, string>();
const pending = new Map<string, Promise<void>>();

export function labelOf(entity: string, row: ApiRow): string {
  const field = entityMeta(entity).labelField;
  const value = field === undefined ? undefined : row[field];
  return value === undefined || value === null || value === "" ? `#${row.id}` : String(value);
}

export function rememberLabel(entity: string, row: ApiRow): void {
  labels.set(`${entity}:${row.id}`, labelOf(entity, row));
}

function fetchLabel(entity: string, id: number): Promise<void> {
  const key = `${entity}:${id}`;
  const running = pending.get(key);
  if (running !== undefined) return running;
  const job = entityMeta(entity)
    .api.read(id)
    .then((row) => rememberLabel(entity, row))
    .catch(() => {
      labels.set(key, `#${id}`); // not readable by this caller: the id is all they may see
    });
  pending.set(key, job);
  return job;
}

export function cachedLabel(entity: string, id: number): string | undefined {
  return labels.get(`${entity}:${id}`);
}

/** Re-renders once the labels of every reference shown in `rows` are known. */
export function useRefLabels(fields: FieldMeta[], rows: ApiRow[]): (field: FieldMeta, id: unknown) => string | undefined {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const missing: Promise<void>[] = [];
    for (const field of fields) {
      if (field.kind !== "ref" || field.target === undefined) continue;
      for (const row of rows) {
        const id = row[field.name];
        if (typeof id === "number" && !labels.has(`${field.target}:${id}`)) missing.push(fetchLabel(field.target, id));
      }
    }
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(missing).then(() => {
      if (live) setVersion((v) => v + 1);
    });
    return () => {
      live = false;
    };
  }, [fields, rows]);
  return (field, id) => (field.target !== undefined && typeof id === "number" ? cachedLabel(field.target, id) : undefined);
}
