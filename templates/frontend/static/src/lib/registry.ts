// Questions about the generated description: which pages a caller sees, where they start,
// which buttons they may press and where a row's detail page is.
import { entities } from "../app/model";
import { pages } from "../app/pages";
import { config } from "../app/config";
import type { ButtonMeta, EntityMeta, PageMeta } from "./meta";

export interface Caller {
  id: number;
  username: string;
  role: string;
}

export function entityMeta(name: string): EntityMeta {
  const meta = entities[name];
  if (meta === undefined) throw new Error(`unknown entity ${name}`);
  return meta;
}

/** The role, `user` and `anyone` grants that apply to a caller (§6). */
function keys(caller: Caller | null): string[] {
  return caller === null ? ["anyone"] : [caller.role, "user", "anyone"];
}

function privileged(caller: Caller | null): boolean {
  return config.auth === "none" || caller?.role === "admin";
}

export function maySee(page: PageMeta, caller: Caller | null): boolean {
  if (privileged(caller)) return true;
  const mine = keys(caller);
  return page.roles.some((role) => mine.includes(role));
}

export function mayPress(button: ButtonMeta, caller: Caller | null): boolean {
  if (privileged(caller)) return true;
  const mine = keys(caller);
  return button.roles.some((role) => mine.includes(role));
}

/** The pages in the caller's navigation: their list and form pages, in document order. */
export function navigation(caller: Caller | null): { pages: PageMeta[]; admin: PageMeta[] } {
  const visible = pages.filter((p) => p.view !== "detail" && maySee(p, caller));
  return { pages: visible.filter((p) => !p.generated), admin: visible.filter((p) => p.generated) };
}

/** §10: the home page naming the caller's role, else `user`'s, else `anyone`'s, else the first page. */
export function homePage(caller: Caller | null): PageMeta | null {
  const visible = pages.filter((p) => p.view !== "detail" && maySee(p, caller));
  for (const key of keys(caller)) {
    const home = visible.find((p) => p.homeFor.includes(key));
    if (home !== undefined) return home;
  }
  return visible.find((p) => !p.generated) ?? visible[0] ?? null;
}

/** The route of a row's detail page the caller may open, if there is one. */
export function detailRoute(entity: string, id: number, caller: Caller | null): string | null {
  const candidates = pages.filter((p) => p.view === "detail" && p.entity === entity && maySee(p, caller));
  const page = candidates.find((p) => !p.generated) ?? candidates[0];
  return page === undefined ? null : `${page.route}/${id}`;
}
