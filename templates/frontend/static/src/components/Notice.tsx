// The latest success or error message, announced to screen readers.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { t } from "../i18n";

export interface NoticeState {
  kind: "success" | "error";
  text: string;
  rowId?: number;
}

interface NoticeApi {
  notice: NoticeState | null;
  show(kind: NoticeState["kind"], text: string, rowId?: number): void;
  clear(): void;
}

const NoticeContext = createContext<NoticeApi | null>(null);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const show = useCallback((kind: NoticeState["kind"], text: string, rowId?: number) => {
    setNotice({ kind, text, rowId });
  }, []);
  const clear = useCallback(() => setNotice(null), []);
  const api = useMemo(() => ({ notice, show, clear }), [notice, show, clear]);
  return <NoticeContext.Provider value={api}>{children}</NoticeContext.Provider>;
}

export function useNotice(): NoticeApi {
  const api = useContext(NoticeContext);
  if (api === null) throw new Error("useNotice outside NoticeProvider");
  return api;
}

export function NoticeBar() {
  const { notice, clear } = useNotice();
  if (notice === null) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      data-testid="notice"
      data-kind={notice.kind}
      data-row-id={notice.rowId ?? undefined}
      role={notice.kind === "error" ? "alert" : "status"}
    >
      <span>{notice.text}</span>
      <button type="button" className="notice-close" onClick={clear} aria-label={t("close")}>
        ×
      </button>
    </div>
  );
}
