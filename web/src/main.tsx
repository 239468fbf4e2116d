// The browser app's entry point.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App, OVERVIEW_PATH, preloadOverview } from './app';
import { startOverview } from './lib/overview-reads';
import './styles.css';
import './team.css';

// Opened on the overview: its code and its map are asked for now, alongside "who is signed in", and its data as soon as
// that answer comes, rather than one after the other once the page is drawn (lib/overview-reads.ts).
if (window.location.pathname === OVERVIEW_PATH) {
  preloadOverview();
  startOverview();
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  );
}
