// Zoom (wheel, buttons) and pan (drag) for an SVG drawing, by moving its viewBox.
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';

export interface View {
  x: number;
  y: number;
  w: number;
}

export function usePanZoom(size: number) {
  const [view, setView] = useState<View>({ x: 0, y: 0, w: size });
  const ref = useRef<SVGSVGElement | null>(null);
  const drag = useRef<{ px: number; py: number; x: number; y: number } | null>(null);
  const moved = useRef(false);

  const zoom = (factor: number, cx = 0.5, cy = 0.5) =>
    setView((v) => {
      const w = Math.min(size * 1.5, Math.max(size / 6, v.w * factor));
      return { w, x: v.x + (v.w - w) * cx, y: v.y + (v.w - w) * cy };
    });

  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = svg.getBoundingClientRect();
      zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, (e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  });

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.target !== e.currentTarget && !(e.target instanceof SVGRectElement)) return;
    drag.current = { px: e.clientX, py: e.clientY, x: view.x, y: view.y };
    moved.current = false;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    if (Math.abs(e.clientX - d.px) + Math.abs(e.clientY - d.py) > 3) moved.current = true;
    const scale = view.w / e.currentTarget.getBoundingClientRect().width;
    setView((v) => ({ ...v, x: d.x - (e.clientX - d.px) * scale, y: d.y - (e.clientY - d.py) * scale }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return {
    ref,
    viewBox: `${view.x} ${view.y} ${view.w} ${view.w}`,
    zoomIn: () => zoom(1 / 1.3),
    zoomOut: () => zoom(1.3),
    reset: () => setView({ x: 0, y: 0, w: size }),
    /** Whether the last pointer gesture was a drag rather than a click. */
    dragged: () => moved.current,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
