// Whether the page is being printed: sources and explanations open for paper, and close again afterwards.
import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

let printing = false;
const listeners = new Set<() => void>();
let opened: HTMLDetailsElement[] = [];

function set(next: boolean) {
  if (next === printing) return;
  printing = next;
  if (next) {
    // Closed disclosures hide their content from paper: open them, and close them again after printing.
    opened = [...document.querySelectorAll('details:not([open])')].filter((d): d is HTMLDetailsElement => d instanceof HTMLDetailsElement);
    for (const d of opened) d.open = true;
  } else {
    for (const d of opened) d.open = false;
    opened = [];
  }
  // The browser lays the page out for paper as soon as the handler returns: render now, not later.
  flushSync(() => listeners.forEach((l) => l()));
}

let started = false;
function start() {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('beforeprint', () => set(true));
  window.addEventListener('afterprint', () => set(false));
  const media = window.matchMedia?.('print');
  media?.addEventListener('change', (e) => set(e.matches));
}

function subscribe(listener: () => void) {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while the page is printed (or shown as printed): show on the page what a reader would open on screen. */
export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, () => printing, () => false);
}
