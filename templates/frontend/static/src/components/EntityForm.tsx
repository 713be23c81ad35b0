// A form over fields (an entity's or an action's inputs): client-side checks first, then the
// server's 422 messages under their fields; other refusals go to the caller.
import { useState, type FormEvent, type ReactNode } from "react";
import { ApiError } from "../api/http";
import { t } from "../i18n";
import type { Body, FieldMeta } from "../lib/meta";
import { toDatetimeLocal } from "../lib/format";
import { checkAll, toBody, type FormErrors, type FormValue, type FormValues } from "../lib/validate";
import { FieldInput } from "./FieldInput";

/** Form values from an existing row (for edits), or the empty form. */
export function valuesOf(fields: FieldMeta[], row?: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = row?.[field.name];
    if (field.kind === "boolean") values[field.name] = value === true;
    else if (field.kind === "list") values[field.name] = Array.isArray(value) ? value.map(Number) : [];
    else if (value === null || value === undefined) values[field.name] = "";
    else if (field.kind === "datetime") values[field.name] = toDatetimeLocal(String(value));
    else if (field.kind === "json") values[field.name] = JSON.stringify(value);
    else values[field.name] = String(value);
  }
  return values;
}

interface EntityFormProps {
  fields: FieldMeta[];
  testId: string;
  inputPrefix?: string;
  initial?: FormValues;
  /** Edits send only what changed. */
  partial?: boolean;
  submit(body: Body): Promise<void>;
  onRefused(error: ApiError): void;
  /** Renders the buttons; `busy` while the request runs. */
  footer(busy: boolean): ReactNode;
}

export function EntityForm({ fields, testId, inputPrefix, initial, partial, submit, onRefused, footer }: EntityFormProps) {
  const start = initial ?? valuesOf(fields);
  const [values, setValues] = useState<FormValues>(start);
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (name: string, value: FormValue) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors(({ [name]: _dropped, ...rest }) => rest);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkAll(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setGeneral(t("fixErrors"));
      return;
    }
    setGeneral(null);
    setBusy(true);
    try {
      await submit(toBody(fields, values, partial ? start : undefined));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.fieldErrors.length > 0) {
        const known = new Set(fields.map((f) => f.name));
        const byField: FormErrors = {};
        const other: string[] = [];
        for (const e of error.fieldErrors) {
          if (known.has(e.field)) byField[e.field] = e.message;
          else other.push(e.field ? `${e.field}: ${e.message}` : e.message);
        }
        setErrors(byField);
        setGeneral(other.length > 0 ? other.join("; ") : t("fixErrors"));
      } else if (error instanceof ApiError) {
        onRefused(error);
      } else {
        onRefused(new ApiError(0, String(error)));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" data-testid={testId} onSubmit={(e) => void onSubmit(e)} noValidate>
      {general && (
        <p className="form-error" role="alert">
          {general}
        </p>
      )}
      {fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          idPrefix={testId}
          testIdPrefix={inputPrefix}
          value={values[field.name]}
          error={errors[field.name]}
          onChange={(value) => change(field.name, value)}
        />
      ))}
      {footer(busy)}
    </form>
  );
}
