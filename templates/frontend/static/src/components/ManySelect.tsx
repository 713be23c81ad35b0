// A many-to-many list as a multiple select of the target's rows.
import { useEffect, useState } from "react";
import type { ApiRow } from "../api/http";
import { labelOf, rememberLabel } from "../lib/refs";
import { entityMeta } from "../lib/registry";

interface ManySelectProps {
  id: string;
  target: string;
  value: number[];
  onChange(value: number[]): void;
  testId: string;
}

export function ManySelect({ id, target, value, onChange, testId }: ManySelectProps) {
  const [rows, setRows] = useState<ApiRow[]>([]);
  useEffect(() => {
    let live = true;
    entityMeta(target)
      .api.list({ size: 100 })
      .then((result) => {
        result.items.forEach((row) => rememberLabel(target, row));
        if (live) setRows(result.items);
      })
      .catch(() => live && setRows([]));
    return () => {
      live = false;
    };
  }, [target]);
  return (
    <select
      id={id}
      multiple
      className="input"
      data-testid={testId}
      value={value.map(String)}
      onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => Number(o.value)))}
    >
      {rows.map((row) => (
        <option key={row.id} value={row.id}>
          {labelOf(target, row)}
        </option>
      ))}
    </select>
  );
}
