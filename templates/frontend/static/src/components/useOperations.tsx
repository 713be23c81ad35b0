// What a button does: CRUD in dialogs, transitions and actions at once or through an input dialog.
// Every outcome ends in the notice: a success message, or the server's refusal.
import { useCallback, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { ApiError, type ApiRow } from "../api/http";
import { actions } from "../app/model";
import { useAuth } from "../auth/session";
import { shown, t } from "../i18n";
import type { ButtonMeta, EntityMeta } from "../lib/meta";
import { detailRoute } from "../lib/registry";
import { ConfirmDialog, Dialog } from "./Dialog";
import { EntityForm, valuesOf } from "./EntityForm";
import { useNotice } from "./Notice";

export function useOperations(entity: EntityMeta, reload: () => void) {
  const { caller } = useAuth();
  const notice = useNotice();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<ReactNode>(null);
  const close = useCallback(() => setDialog(null), []);

  const refused = useCallback(
    (error: unknown) => {
      const text = error instanceof ApiError ? error.message : t("failed", { message: String(error) });
      notice.show("error", text);
    },
    [notice],
  );

  const formDialog = useCallback(
    (
      title: string,
      testId: string,
      fields: EntityMeta["fields"],
      row: ApiRow | null,
      send: (body: Record<string, unknown>) => Promise<void>,
      submitLabel: string = t("save"),
    ) => {
      setDialog(
        <Dialog title={title} onClose={close}>
          <EntityForm
            fields={fields}
            testId={testId}
            initial={row ? valuesOf(fields, row) : undefined}
            partial={row !== null}
            submit={send}
            onRefused={refused}
            footer={(busy) => (
              <div className="form-actions">
                <button type="button" className="button" data-testid="cancel" onClick={close}>
                  {t("cancel")}
                </button>
                <button type="submit" className="button button-primary" data-testid="confirm" disabled={busy}>
                  {submitLabel}
                </button>
              </div>
            )}
          />
        </Dialog>,
      );
    },
    [close, refused],
  );

  const run = useCallback(
    (button: ButtonMeta, row: ApiRow | null) => {
      const api = entity.api;
      notice.clear();
      switch (button.kind) {
        case "read": {
          const route = row ? detailRoute(entity.name, row.id, caller) : null;
          if (route) navigate(route);
          return;
        }
        case "create":
          formDialog(`${shown(button.label)} · ${entity.label}`, `form-${entity.name}`, entity.fields.filter((f) => f.create), null, async (body) => {
            const created = await api.create!(body);
            close();
            notice.show("success", t("created", { entity: entity.label }), created.id);
            reload();
          });
          return;
        case "update":
          if (!row) return;
          formDialog(`${shown(button.label)} · ${entity.label}`, `form-${entity.name}`, entity.fields.filter((f) => f.update), row, async (body) => {
            await api.update!(row.id, body);
            close();
            notice.show("success", t("saved"), row.id);
            reload();
          });
          return;
        case "delete":
          if (!row) return;
          setDialog(
            <ConfirmDialog
              title={`${shown(button.label)} · ${entity.label}`}
              text={t("confirmDelete", { entity: entity.label })}
              onClose={close}
              onConfirm={() => {
                close();
                api.remove!(row.id)
                  .then(() => {
                    notice.show("success", t("deleted", { entity: entity.label }));
                    reload();
                  })
                  .catch(refused);
              }}
            />,
          );
          return;
        case "transition": {
          const transition = entity.transitions.find((tr) => tr.name === button.name);
          if (!transition || !row) return;
          transition
            .fire(row.id)
            .then(() => {
              notice.show("success", t("done", { action: button.label }), row.id);
              reload();
            })
            .catch(refused);
          return;
        }
        case "action": {
          const action = actions[button.name];
          if (!action) return;
          const id = action.on ? (row?.id ?? null) : null;
          const finish = (result: unknown) => {
            const rowId = typeof result === "object" && result !== null && "id" in result ? Number(result.id) : undefined;
            notice.show("success", t("done", { action: button.label }), rowId);
            reload();
          };
          if (action.inputs.length === 0) {
            action.run(id, {}).then(finish).catch(refused);
            return;
          }
          formDialog(
            shown(button.label),
            `form-${action.name}`,
            action.inputs,
            null,
            async (body) => {
              const result = await action.run(id, body);
              close();
              finish(result);
            },
            shown(button.label),
          );
          return;
        }
      }
    },
    [entity, caller, navigate, notice, formDialog, close, refused, reload],
  );

  return { run, dialog };
}
