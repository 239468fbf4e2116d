// Tables wider than the screen say so: each `.scroll-x` box is marked with the sides it can scroll to, so that the
// stylesheet fades that edge and writes "scroll sideways for more" (export.css).
import { useEffect } from 'react';

function mark(el: HTMLElement) {
  const left = el.scrollLeft > 1;
  const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
  const more = left && right ? 'both' : left ? 'left' : right ? 'right' : '';
  if (more) el.dataset.more = more;
  else delete el.dataset.more;
}

const markAll = () => document.querySelectorAll<HTMLElement>('.scroll-x').forEach(mark);

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
