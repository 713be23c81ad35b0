// Routes: log-in and sign-up, the caller's home, and one route per page of src/app/pages.ts.
import type { ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { config } from "./app/config";
import { pages } from "./app/pages";
import { SessionProvider, useAuth } from "./auth/session";
import { Layout } from "./components/Layout";
import { NoticeProvider } from "./components/Notice";
import { t } from "./i18n";
import type { PageMeta } from "./lib/meta";
import { homePage, maySee } from "./lib/registry";
import { DetailPage } from "./pages/DetailPage";
import { FormPage } from "./pages/FormPage";
import { ListPage } from "./pages/ListPage";
import { LoginPage } from "./pages/LoginPage";
import { SignupPage } from "./pages/SignupPage";

function Guarded({ page, children }: { page: PageMeta; children: ReactNode }) {
  const { caller, ready } = useAuth();
  if (!ready) return <p className="muted">{t("loading")}</p>;
  if (maySee(page, caller)) return children;
  if (caller === null && config.auth === "jwt") return <Navigate to="/login" replace />;
  return <p className="empty">{t("noAccess")}</p>;
}

function Home() {
  const { caller, ready } = useAuth();
  if (!ready) return <p className="muted">{t("loading")}</p>;
  const home = homePage(caller);
  if (home !== null) return <Navigate to={home.route} replace />;
  return <Navigate to={caller === null ? "/login" : "/signup"} replace />;
}

// Keyed by page so that moving between two list pages starts each with its own state.
function view(page: PageMeta): ReactNode {
  if (page.view === "detail") return <DetailPage key={page.name} page={page} />;
  if (page.view === "form") return <FormPage key={page.name} page={page} />;
  return <ListPage key={page.name} page={page} />;
}

export function App() {
  return (
    <BrowserRouter basename="/ui">
      <SessionProvider>
        <NoticeProvider>
          <Layout>
            <Routes>
              <Route path="/" element={<Home />} />
              {config.auth === "jwt" && <Route path="/login" element={<LoginPage />} />}
              {config.auth === "jwt" && <Route path="/signup" element={<SignupPage />} />}
              {pages.map((page) => (
                <Route
                  key={page.name}
                  path={page.view === "list" ? page.route : `${page.route}/:id`}
                  element={<Guarded page={page}>{view(page)}</Guarded>}
                />
              ))}
              {pages
                .filter((page) => page.view === "form")
                .map((page) => (
                  <Route key={`${page.name}-new`} path={page.route} element={<Guarded page={page}>{view(page)}</Guarded>} />
                ))}
              <Route path="*" element={<p className="empty">{t("notFound")}</p>} />
            </Routes>
          </Layout>
        </NoticeProvider>
      </SessionProvider>
    </BrowserRouter>
  );
}
