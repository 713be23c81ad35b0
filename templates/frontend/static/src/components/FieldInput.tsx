// One labelled input for a field, chosen by its type, with its error message below it.
import type { FieldMeta } from "../lib/meta";
import type { FormValue } from "../lib/validate";
import { shown, t } from "../i18n";
import { RefSelect } from "./RefSelect";
import { ManySelect } from "./ManySelect";

interface FieldInputProps {
  field: FieldMeta;
  value: FormValue | undefined;
  error?: string;
  onChange(value: FormValue): void;
  idPrefix: string;
  /** Test ids are `PREFIX-FIELD`: `input-price`, or `signup-email` on the sign-up form. */
  testIdPrefix?: string;
}

export function FieldInput({ field, value, error, onChange, idPrefix, testIdPrefix = "input" }: FieldInputProps) {
  const id = `${idPrefix}-${field.name}`;
  const testId = `${testIdPrefix}-${field.name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    "data-testid": testId,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    "aria-required": field.required || undefined,
  };
  const text = typeof value === "string" ? value : "";
  let control;
  switch (field.kind) {
    case "boolean":
      control = (
        <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
      );
      break;
    case "enum":
      control = (
        <select {...common} className="input" value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.required ? t("chooseOne") : "—"}</option>
          {(field.values ?? []).map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
      break;
    case "ref":
      control = (
        <RefSelect
          id={id}
          target={field.target ?? ""}
          value={text}
          onChange={onChange}
          testId={testId}
          invalid={Boolean(error)}
          describedBy={error ? errorId : undefined}
        />
      );
      break;
    case "list":
      control = (
        <ManySelect
          id={id}
          target={field.target ?? ""}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
          testId={testId}
        />
      );
      break;
    case "long_text":
    case "json":
      control = <textarea {...common} className="input" rows={4} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    default: {
      const type =
        field.kind === "date"
          ? "date"
          : field.kind === "datetime"
            ? "datetime-local"
            : field.kind === "email"
              ? "email"
              : field.kind === "url"
                ? "url"
                : field.kind === "phone"
                  ? "tel"
                  : field.kind === "password"
                    ? "password"
                    : "text";
      const numeric = field.kind === "integer" || field.kind === "decimal" || field.kind === "float";
      control = (
        <input
          {...common}
          className="input"
          type={type}
          inputMode={numeric ? (field.kind === "integer" ? "numeric" : "decimal") : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
  }
  return (
    <div className={`form-field form-field-${field.kind}${error ? " has-error" : ""}`}>
      <label htmlFor={id}>
        {shown(field.label)}
        {field.required && (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </label>
      {control}
      {field.help && <small className="help">{field.help}</small>}
      {error && (
        <small className="error" id={errorId} data-testid={`error-${field.name}`}>
          {shown(field.label)} {error}
        </small>
      )}
    </div>
  );
}
