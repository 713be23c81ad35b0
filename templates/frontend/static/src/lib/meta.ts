// What the generated files in src/app/ describe: entities, their fields and operations, and pages.
import type { ApiRow, ListResult, Query } from "../api/http";

export type FieldKind =
  | "text"
  | "long_text"
  | "integer"
  | "decimal"
  | "float"
  | "boolean"
  | "date"
  | "datetime"
  | "email"
  | "url"
  | "phone"
  | "uuid"
  | "json"
  | "password"
  | "enum"
  | "ref"
  | "list";

export interface FieldMeta {
  name: string;
  label: string;
  kind: FieldKind;
  help?: string;
  /** Input must give it (required without a default). */
  required: boolean;
  maxLength?: number;
  minLength?: number;
  min?: string;
  max?: string;
  pattern?: string;
  scale?: number;
  money?: boolean;
  /** Derived by the server (`computed:`); never input. */
  computed?: boolean;
  values?: string[];
  /** ref and list: the entity code name. */
  target?: string;
  /** A many-to-many list, written as ids. */
  many?: boolean;
  /** Shown to readers (not a password or secret field). */
  shown: boolean;
  /** Accepted in create / update input. */
  create: boolean;
  update: boolean;
  filterable: boolean;
  sortable: boolean;
}

export type Body = Record<string, unknown>;

/** The typed client functions of one entity (see src/api/client.ts). */
export interface Resource {
  list(query?: Query): Promise<ListResult>;
  read(id: number): Promise<ApiRow>;
  create?(body: Body): Promise<ApiRow>;
  update?(id: number, body: Body): Promise<ApiRow>;
  remove?(id: number): Promise<void>;
}

export interface TransitionMeta {
  name: string;
  label: string;
  from: string[];
  to: string;
  fire(id: number): Promise<ApiRow>;
}

export interface ActionMeta {
  name: string;
  label: string;
  description?: string;
  /** The entity an On-action works on. */
  on?: string;
  inputs: FieldMeta[];
  run(id: number | null, body: Body): Promise<unknown>;
  /** The entity of the returned row, when it returns one. */
  returns?: string;
}

export interface EntityMeta {
  name: string;
  label: string;
  plural: string;
  /** The field a reference to this entity shows (§10), else "#id". */
  labelField?: string;
  stateField?: string;
  searchable: boolean;
  fields: FieldMeta[];
  api: Resource;
  transitions: TransitionMeta[];
}

export type ButtonKind = "create" | "read" | "update" | "delete" | "transition" | "action";

export interface ButtonMeta {
  kind: ButtonKind;
  /** The CRUD verb, transition or action code name (its test id is `btn-NAME`). */
  name: string;
  label: string;
  /** Roles that may press it (role code names, "user", "anyone"); admin always may. */
  roles: string[];
  /** Acts on a row (update, delete, read, transitions, On-actions) rather than on the page. */
  row: boolean;
}

export interface PageMeta {
  name: string;
  label: string;
  view: "list" | "detail" | "form";
  entity: string;
  route: string;
  /** Who sees the page: role code names, "user" (signed in) or "anyone". */
  roles: string[];
  /** The roles (or pseudo-roles) whose start page this is. */
  homeFor: string[];
  /** The page endpoint of a list narrowed by `own` or `where` (GET /pages/NAME). */
  source?(query?: Query): Promise<ListResult>;
  columns: string[];
  search: boolean;
  sort?: string;
  filters: string[];
  buttons: ButtonMeta[];
  /** Shown as cards (a storefront) rather than a table. */
  cards: boolean;
  /** The generated admin UI, as opposed to a page of the document. */
  generated: boolean;
  testId: string;
}

export interface AppConfig {
  title: string;
  language: "en" | "zh";
  primaryColor: string;
  layout: "sidebar" | "topbar";
  pageSize: number;
  auth: "jwt" | "none";
  roles: { name: string; label: string }[];
  defaultRole: string | null;
  /** Required fields of User beyond username, email and password, asked at sign-up. */
  signupFields: FieldMeta[];
}
