// A modal dialog: focus moves into it, Escape closes it, the page behind is inert.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { t } from "../i18n";

interface DialogProps {
  title: string;
  children: ReactNode;
  onClose(): void;
  footer?: ReactNode;
}

export function Dialog({ title, children, onClose, footer }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.current?.querySelector<HTMLElement>("input, select, textarea, button:not(.dialog-close)");
    first?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      previous?.focus();
    };
  }, [onClose]);

  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="dialog" ref={box}>
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="dialog-close" onClick={onClose} aria-label={t("close")}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>
  );
}

export function ConfirmDialog(props: { title: string; text: string; onConfirm(): void; onClose(): void }) {
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="button" data-testid="cancel" onClick={props.onClose}>
            {t("cancel")}
          </button>
          <button type="button" className="button button-danger" data-testid="confirm" onClick={props.onConfirm}>
            {t("confirm")}
          </button>
        </>
      }
    >
      <p>{props.text}</p>
    </Dialog>
  );
}
