// The workbench's pages, each at its own URL so that a view can be shared by link; each page loads on demand, once
// the app knows who is using it (single analyst, visitor, or signed-in team member).
import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { LapsedSessionDialog } from './components/lapsed-session-dialog';
import { Layout } from './components/layout';
import { Loading } from './components/loading';
import { dropEarly } from './lib/overview-reads';
import { SessionProvider } from './lib/session';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const loadOverview = () => import('./pages/overview-page');
const OverviewPage = named(loadOverview, 'OverviewPage');
// Opened on the overview, the entry (main.tsx) has asked for its code already.
let overviewCode: ComponentType | undefined;
if (window.location.pathname === '/') void loadOverview().then((m) => (overviewCode = m.OverviewPage), () => undefined);

/**
 * The overview, drawn as soon as its code has come rather than behind a Suspense fallback, which React keeps on screen
 * for at least 300 ms once shown; if the code cannot be loaded, the page goes the way of the others (error boundary).
 */
function Overview() {
  const [code, setCode] = useState<{ Page?: ComponentType; failed?: boolean }>(() => ({ Page: overviewCode }));
  useEffect(() => {
    if (code.Page || code.failed) return;
    let live = true;
    loadOverview().then(
      (m) => live && setCode({ Page: m.OverviewPage }),
      () => live && setCode({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, [code]);
  if (code.Page) return <code.Page />;
  return code.failed ? <Lazy page={<OverviewPage />} /> : <Loading what="the page" />;
}
const PartnersPage = named(() => import('./pages/partners-page'), 'PartnersPage');
const PartnerPage = named(() => import('./pages/partner-page'), 'PartnerPage');
const ComparePage = named(() => import('./pages/compare-page'), 'ComparePage');
const NetworkPage = named(() => import('./pages/network-page'), 'NetworkPage');
const IncidentsPage = named(() => import('./pages/incidents-page'), 'IncidentsPage');
const IncidentEditPage = named(() => import('./pages/incident-edit-page'), 'IncidentEditPage');
const IncidentPage = named(() => import('./pages/incident-page'), 'IncidentPage');
const IncidentPrintPage = named(() => import('./pages/incident-print-page'), 'IncidentPrintPage');
const VotePage = named(() => import('./pages/vote-page'), 'VotePage');
const SanctionsPage = named(() => import('./pages/sanctions-page'), 'SanctionsPage');
const SignInPage = named(() => import('./pages/signin-page'), 'SignInPage');
const MyAccountPage = named(() => import('./pages/my-account-page'), 'MyAccountPage');
const AccountsPage = named(() => import('./pages/accounts-page'), 'AccountsPage');
const AccountPage = named(() => import('./pages/account-page'), 'AccountPage');
const ReviewPage = named(() => import('./pages/review-page'), 'ReviewPage');
const ImportsPage = named(() => import('./pages/imports-page'), 'ImportsPage');
const AuditPage = named(() => import('./pages/audit-page'), 'AuditPage');
const NotFoundPage = named(() => import('./pages/not-found-page'), 'NotFoundPage');

export function App() {
  useDropEarlyOnMove();
  return (
    <SessionProvider>
      <Routes>
        <Route path="/incidents/:id/print" element={<Lazy page={<IncidentPrintPage />} />} />
        <Route element={<Layout />}>
          <Route index element={<Overview />} />
          <Route path="partners" element={<Lazy page={<PartnersPage />} />} />
          <Route path="partners/:id" element={<Lazy page={<PartnerPage />} />} />
          <Route path="compare" element={<Lazy page={<ComparePage />} />} />
          <Route path="network" element={<Lazy page={<NetworkPage />} />} />
          <Route path="incidents" element={<Lazy page={<IncidentsPage />} />} />
          <Route path="incidents/new" element={<Lazy page={<IncidentEditPage />} />} />
          <Route path="incidents/:id" element={<Lazy page={<IncidentPage />} />} />
          <Route path="incidents/:id/edit" element={<Lazy page={<IncidentEditPage />} />} />
          <Route path="vote" element={<Lazy page={<VotePage />} />} />
          <Route path="sanctions" element={<Lazy page={<SanctionsPage />} />} />
          <Route path="signin" element={<Lazy page={<SignInPage />} />} />
          <Route path="account" element={<Lazy page={<MyAccountPage />} />} />
          <Route path="accounts" element={<Lazy page={<AccountsPage />} />} />
          <Route path="accounts/:username" element={<Lazy page={<AccountPage />} />} />
          <Route path="review" element={<Lazy page={<ReviewPage />} />} />
          <Route path="imports" element={<Lazy page={<ImportsPage />} />} />
          <Route path="audit" element={<Lazy page={<AuditPage />} />} />
          <Route path="*" element={<Lazy page={<NotFoundPage />} />} />
        </Route>
      </Routes>
      <LapsedSessionDialog />
    </SessionProvider>
  );
}

/** A move away from the page the app opened on drops the overview's answers started early and not taken. */
function useDropEarlyOnMove() {
  const { pathname } = useLocation();
  const opened = useRef(pathname);
  useEffect(() => {
    if (pathname !== opened.current) dropEarly();
  }, [pathname]);
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<Loading what="the page" />}>{page}</Suspense>;
}
