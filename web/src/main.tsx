// The browser app's entry point, kept small so that it runs as soon as it arrives: it asks who is signed in, and,
// opened on the overview, for the overview's code, map and checks (and its data once that answer has come,
// lib/overview-reads.ts), while React and the app's code (mount.tsx, preloaded by index.html) are still loading.
import { askFirstMe } from './lib/load-me';
import { OVERVIEW_PATH, sessionKnownFrom, startOverview } from './lib/overview-reads';

const me = askFirstMe();
if (window.location.pathname === OVERVIEW_PATH) {
  startOverview();
  void import('./pages/overview-page').catch(() => undefined);
  sessionKnownFrom(me);
}
void import('./mount');
