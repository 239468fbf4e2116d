// Tables wider than the screen say so: each `.scroll-x` box is marked with the sides it can scroll to, so that the
// stylesheet fades that edge and writes "scroll sideways for more" (export.css).
import { useEffect } from 'react';

/** The sides a box can scroll to, read from its layout. */
function sides(el: HTMLElement): string {
  const left = el.scrollLeft > 1;
  const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
  return left && right ? 'both' : left ? 'left' : right ? 'right' : '';
}

/** Writes the mark only when it changes: a write makes the next read of a layout lay the page out again. */
function write(el: HTMLElement, more: string) {
  if ((el.dataset.more ?? '') === more) return;
  if (more) el.dataset.more = more;
  else delete el.dataset.more;
}

const mark = (el: HTMLElement) => write(el, sides(el));

// Every box is read before any is marked, so that the page is laid out once, not once per box.
const markAll = () => {
  const boxes = [...document.querySelectorAll<HTMLElement>('.scroll-x')];
  const marks = boxes.map(sides);
  boxes.forEach((el, i) => write(el, marks[i] ?? ''));
};

export function useScrollCues(): void {
  useEffect(() => {
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(markAll);
    };
    const onScroll = (e: Event) => {
      if (e.target instanceof HTMLElement && e.target.classList.contains('scroll-x')) mark(e.target);
    };
    const observer = new MutationObserver(later);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', later);
    document.addEventListener('scroll', onScroll, true);
    later();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', later);
      document.removeEventListener('scroll', onScroll, true);
    };
  }, []);
}
