// How values are shown: money at its scale, enum values as written, dates in the ui language.
import { locale, t } from "../i18n";
import type { FieldMeta } from "./meta";

export function formatValue(field: FieldMeta, value: unknown, refLabel?: string): string {
  if (value === null || value === undefined || value === "") return "—";
  switch (field.kind) {
    case "boolean":
      return value ? t("yes") : t("no");
    case "ref":
      return refLabel ?? `#${String(value)}`;
    case "list":
      return Array.isArray(value) ? value.map((id) => `#${String(id)}`).join(", ") : String(value);
    case "decimal":
      return formatNumber(String(value), field.scale, field.money);
    case "datetime": {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime())
        ? String(value)
        : date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
    }
    case "json":
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

function formatNumber(text: string, scale: number | undefined, money: boolean | undefined): string {
  const n = Number(text);
  if (Number.isNaN(n)) return text;
  const digits = scale ?? undefined;
  // The document names no currency, so money is shown as a plain amount at its scale.
  return n.toLocaleString(locale, {
    minimumFractionDigits: digits ?? (money ? 2 : 0),
    maximumFractionDigits: digits ?? 20,
  });
}

/** The value of a datetime for a `datetime-local` input (UTC, minutes). */
export function toDatetimeLocal(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().slice(0, 16);
}
