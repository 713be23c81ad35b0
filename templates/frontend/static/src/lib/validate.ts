// Client-side checks that mirror the document's field rules (the server checks them again),
// and the conversion of form values into an API body.
import { t } from "../i18n";
import type { Body, FieldMeta } from "./meta";

/** What a form holds per field: text as typed, a checkbox, or ids of a many-to-many list. */
export type FormValue = string | boolean | number[];
export type FormValues = Record<string, FormValue>;
export type FormErrors = Record<string, string>;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u;
const URL_RE = /^https?:\/\/[^\s/]+\S*$/u;
const PHONE = /^\+?[0-9 ()-]{5,20}$/u;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/u;
const INTEGER = /^-?\d+$/u;
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/u;

function codePoints(text: string): number {
  return Array.from(text).length;
}

function patternOf(source: string): RegExp | null {
  try {
    return new RegExp(source, "u");
  } catch {
    return null;
  }
}

/** The message for one field's value, or null when it passes. */
export function checkField(field: FieldMeta, value: FormValue | undefined): string | null {
  if (typeof value === "boolean" || Array.isArray(value)) return null;
  const text = (value ?? "").trim() === "" ? "" : (value ?? "");
  if (text === "") return field.required ? t("required") : null;
  const numeric = ["integer", "decimal", "float"].includes(field.kind);
  if (field.kind === "integer" && !INTEGER.test(text)) return t("notInteger");
  if ((field.kind === "decimal" || field.kind === "float") && !DECIMAL.test(text)) return t("notNumber");
  if (field.kind === "decimal" && field.scale !== undefined) {
    const decimals = text.split(".")[1] ?? "";
    if (decimals.length > field.scale) return t("tooManyDecimals", { n: field.scale });
  }
  if (numeric) {
    if (field.min !== undefined && Number(text) < Number(field.min)) return t("atLeast", { n: field.min });
    if (field.max !== undefined && Number(text) > Number(field.max)) return t("atMost", { n: field.max });
  }
  if (field.kind === "date" || field.kind === "datetime") {
    if (Number.isNaN(new Date(text).getTime())) return t("badDate");
    if (field.min !== undefined && text < field.min) return t("atLeast", { n: field.min });
    if (field.max !== undefined && text > field.max) return t("atMost", { n: field.max });
  }
  if (field.maxLength !== undefined && codePoints(text) > field.maxLength) return t("tooLong", { n: field.maxLength });
  if (field.minLength !== undefined && codePoints(text) < field.minLength) return t("tooShort", { n: field.minLength });
  if (field.kind === "email" && !EMAIL.test(text)) return t("badEmail");
  if (field.kind === "url" && !URL_RE.test(text)) return t("badUrl");
  if (field.kind === "phone" && !PHONE.test(text)) return t("badPhone");
  if (field.kind === "uuid" && !UUID.test(text)) return t("badUuid");
  if (field.kind === "json") {
    try {
      JSON.parse(text);
    } catch {
      return t("badJson");
    }
  }
  if (field.pattern !== undefined) {
    const re = patternOf(field.pattern);
    if (re !== null && !re.test(text)) return t("badPattern");
  }
  return null;
}

export function checkAll(fields: FieldMeta[], values: FormValues): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    const message = checkField(field, values[field.name]);
    if (message !== null) errors[field.name] = message;
  }
  return errors;
}

/** The API body of a form: numbers as numbers, empty optional values left out (create) or null. */
export function toBody(fields: FieldMeta[], values: FormValues, initial?: FormValues): Body {
  const body: Body = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined) continue;
    if (initial !== undefined && JSON.stringify(initial[field.name]) === JSON.stringify(value)) continue;
    if (typeof value === "boolean" || Array.isArray(value)) {
      body[field.name] = value;
      continue;
    }
    const text = value.trim();
    if (text === "") {
      if (initial !== undefined) body[field.name] = null;
      continue;
    }
    if (field.kind === "integer" || field.kind === "ref") body[field.name] = Number(text);
    else if (field.kind === "float") body[field.name] = Number(text);
    else if (field.kind === "json") body[field.name] = JSON.parse(text) as unknown;
    else if (field.kind === "datetime" && /T\d\d:\d\d$/u.test(text)) body[field.name] = `${text}:00Z`;
    else body[field.name] = text;
  }
  return body;
}
