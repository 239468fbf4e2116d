// The frame around every page: a skip link, the navigation, who is signed in, and the page itself.
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { managesAccounts } from '../lib/permissions';
import { useSession } from '../lib/session';
import { useScrollCues } from '../lib/use-scroll-cues';
import '../export.css';
import { ErrorBoundary } from './error-boundary';
import { SessionStatus } from './session-status';

const LINKS = [
  ['/', 'Overview'],
  ['/partners', 'Partners'],
  ['/compare', 'Compare'],
  ['/network', 'Network'],
  ['/incidents', 'Incidents'],
  ['/vote', 'Council vote'],
  ['/sanctions', 'Sanctions'],
] as const;

/** Shown to those whose role manages accounts, in team mode only. */
const ADMIN_LINKS = [['/accounts', 'Accounts']] as const;
/** Shown to those who propose or review changes to the knowledge base. */
const CURATION_LINKS = [['/review', 'Review queue']] as const;
/** Shown to those who may import or read import reports (signed-in users), and to those who read the audit trail. */
const IMPORT_LINKS = [['/imports', 'Imports']] as const;
const AUDIT_LINKS = [['/audit', 'Audit trail']] as const;

export function Layout() {
  const location = useLocation();
  const { me } = useSession();
  const curates = me.permissions.includes('kb.propose') || me.principal.kind === 'local';
  const importsShown = me.principal.kind === 'user' || me.principal.kind === 'local';
  const links = [
    ...LINKS,
    ...(curates ? CURATION_LINKS : []),
    ...(importsShown ? IMPORT_LINKS : []),
    ...(me.permissions.includes('audit.read') ? AUDIT_LINKS : []),
    ...(managesAccounts(me) ? ADMIN_LINKS : []),
  ];
  useScrollCues();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand" aria-label="cyberdiplo, overview">
          <span className="brand-mark" aria-hidden="true">
            ◈
          </span>
          cyberdiplo
        </NavLink>
        <nav aria-label="Main">
          <ul className="nav-list">
            {links.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === '/'} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <SessionStatus />
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>Every fact carries its sources (§); every proposed decision carries its reasons and legal basis.</p>
      </footer>
    </>
  );
}
