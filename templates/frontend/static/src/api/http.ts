// The one place that talks HTTP: JSON in and out, the bearer token, and API errors as data.

export type ApiRow = { id: number; [field: string]: unknown };

export interface ListResult<Row extends ApiRow = ApiRow> {
  items: Row[];
  total: number;
  page: number;
  size: number;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface FieldError {
  field: string;
  message: string;
}

/** A refused request: `message` is the server's text, `fieldErrors` the 422 messages per field. */
export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: FieldError[];

  constructor(status: number, message: string, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.fieldErrors = fieldErrors;
  }
}

// The token lives in memory and in sessionStorage (gone when the tab closes, never in
// localStorage); it is dropped when it expires or the server answers 401.
const TOKEN_KEY = "factory.session";
let token: string | null = readStoredToken();
const listeners = new Set<() => void>();

function expiry(jwt: string): number | null {
  const payload = jwt.split(".")[1];
  if (!payload) return null;
  try {
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    if (typeof claims === "object" && claims !== null && "exp" in claims && typeof claims.exp === "number") {
      return claims.exp * 1000;
    }
  } catch {
    return null;
  }
  return null;
}

function readStoredToken(): string | null {
  const stored = window.sessionStorage.getItem(TOKEN_KEY);
  if (!stored) return null;
  const exp = expiry(stored);
  if (exp !== null && exp <= Date.now()) {
    window.sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return stored;
}

export function getToken(): string | null {
  if (token !== null) {
    const exp = expiry(token);
    if (exp !== null && exp <= Date.now()) setToken(null);
  }
  return token;
}

export function setToken(value: string | null): void {
  token = value;
  if (value === null) window.sessionStorage.removeItem(TOKEN_KEY);
  else window.sessionStorage.setItem(TOKEN_KEY, value);
  listeners.forEach((listener) => listener());
}

/** Called whenever the token changes (log-in, log-out, expiry, a 401). */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function errorOf(status: number, body: unknown): ApiError {
  if (typeof body === "object" && body !== null && "detail" in body) {
    const detail = body.detail;
    if (typeof detail === "string") return new ApiError(status, detail);
    if (Array.isArray(detail)) {
      const fields: FieldError[] = detail
        .filter((d): d is { field: unknown; message: unknown } => typeof d === "object" && d !== null)
        .map((d) => ({ field: String(d.field ?? ""), message: String(d.message ?? "") }));
      const text = fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join("; ");
      return new ApiError(status, text, fields);
    }
  }
  return new ApiError(status, `HTTP ${status}`);
}

export async function request<T>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  options: { query?: Query; body?: unknown } = {},
): Promise<T> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { Accept: "application/json" };
  const current = getToken();
  if (current) headers.Authorization = `Bearer ${current}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text };
    }
  }
  if (!response.ok) {
    if (response.status === 401 && current) setToken(null);
    throw errorOf(response.status, data);
  }
  return data as T;
}
