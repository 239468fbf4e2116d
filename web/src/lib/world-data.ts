// The overview map's country outlines (projected when the app is built: lib/world-shapes.ts), fetched once per visit.
// Kept apart from the map component so that the app's entry can ask for them as soon as it starts on the overview.
import worldUrl from 'virtual:world-shapes';
import type { WorldShapes } from './world-shapes';

let shared: Promise<WorldShapes> | null = null;

export function loadWorld(): Promise<WorldShapes> {
  shared ??= fetch(worldUrl).then(async (res) => {
    if (!res.ok) {
      shared = null;
      throw new Error(`The world map could not be loaded (${res.status})`);
    }
    return (await res.json()) as WorldShapes;
  });
  return shared;
}
