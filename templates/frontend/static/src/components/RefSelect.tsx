// A searchable select for a reference: type to search the target's rows, pick one by mouse or keyboard.
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import type { ApiRow } from "../api/http";
import { t } from "../i18n";
import { cachedLabel, labelOf, rememberLabel } from "../lib/refs";
import { entityMeta } from "../lib/registry";

interface RefSelectProps {
  id: string;
  target: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
}

export function RefSelect({ id, target, value, onChange, testId, invalid, describedBy, placeholder }: RefSelectProps) {
  const meta = entityMeta(target);
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<ApiRow[]>([]);
  const [active, setActive] = useState(0);
  const chosen = value === "" ? "" : (cachedLabel(target, Number(value)) ?? `#${value}`);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = window.setTimeout(() => {
      const query = meta.searchable && text ? { q: text, size: 20 } : { size: 100 };
      meta.api
        .list(query)
        .then((result) => {
          if (!live) return;
          result.items.forEach((row) => rememberLabel(target, row));
          const needle = text.trim().toLowerCase();
          const matches = meta.searchable
            ? result.items
            : result.items.filter((row) => labelOf(target, row).toLowerCase().includes(needle));
          setOptions(matches.slice(0, 20));
          setActive(0);
        })
        .catch(() => live && setOptions([]));
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [open, text, meta, target]);

  const choose = (row: ApiRow) => {
    rememberLabel(target, row);
    onChange(String(row.id));
    setText("");
    setOpen(false);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter" && open && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <input
        id={id}
        className="input"
        data-testid={testId}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={chosen || placeholder || t("chooseOne")}
        value={open ? text : chosen}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKey}
      />
      {value !== "" && (
        <button type="button" className="combobox-clear" aria-label={t("cancel")} onClick={() => onChange("")}>
          ×
        </button>
      )}
      {open && (
        <ul className="combobox-options" role="listbox" id={listId}>
          {options.length === 0 && <li className="combobox-empty">{t("noMatches")}</li>}
          {options.map((row, index) => (
            <li
              key={row.id}
              role="option"
              aria-selected={index === active}
              data-testid={`option-${row.id}`}
              className={index === active ? "active" : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(row);
              }}
            >
              {labelOf(target, row)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
