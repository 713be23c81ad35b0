// Who is signed in: log-in, sign-up and log-out, and the caller (`GET /auth/me`) for every page.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { getToken, onTokenChange, request, setToken } from "../api/http";
import { config } from "../app/config";
import type { Caller } from "../lib/registry";

interface Session {
  caller: Caller | null;
  ready: boolean;
  login(username: string, password: string): Promise<Caller>;
  signup(body: Record<string, unknown>): Promise<Caller>;
  logout(): void;
}

const SessionContext = createContext<Session | null>(null);

async function fetchMe(): Promise<Caller> {
  return request<Caller>("GET", "/auth/me");
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [caller, setCaller] = useState<Caller | null>(null);
  const [ready, setReady] = useState(config.auth === "none" || getToken() === null);

  useEffect(() => {
    if (config.auth === "none") return;
    let live = true;
    const refresh = () => {
      if (getToken() === null) {
        setCaller(null);
        setReady(true);
        return;
      }
      fetchMe()
        .then((me) => live && setCaller(me))
        .catch(() => live && setCaller(null))
        .finally(() => live && setReady(true));
    };
    refresh();
    const stop = onTokenChange(refresh);
    return () => {
      live = false;
      stop();
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const token = await request<{ access_token: string }>("POST", "/auth/login", { body: { username, password } });
    setToken(token.access_token);
    const me = await fetchMe();
    setCaller(me);
    return me;
  }, []);

  const signup = useCallback(
    async (body: Record<string, unknown>) => {
      await request<Caller>("POST", "/auth/signup", { body });
      return login(String(body.username), String(body.password));
    },
    [login],
  );

  const logout = useCallback(() => {
    setToken(null);
    setCaller(null);
  }, []);

  const session = useMemo(() => ({ caller, ready, login, signup, logout }), [caller, ready, login, signup, logout]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useAuth(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useAuth outside SessionProvider");
  return session;
}
