// The overview map's country outlines (projected when the app is built: lib/world-shapes.ts), fetched once per visit.
// Kept apart from the map component so that the app's entry can ask for them as soon as it starts on the overview.
import worldUrl from 'virtual:world-shapes';
import type { WorldShapes } from './world-shapes';

let shared: Promise<WorldShapes> | null = null;
let loaded: WorldShapes | undefined;

export function loadWorld(): Promise<WorldShapes> {
  shared ??= fetch(worldUrl).then(async (res) => {
    if (!res.ok) {
      shared = null;
      throw new Error(`The world map could not be loaded (${res.status})`);
    }
    loaded = (await res.json()) as WorldShapes;
    return loaded;
  });
  return shared;
}

/** The outlines if they have come already, so that the map is drawn with the page rather than a frame after it. */
export const loadedWorld = (): WorldShapes | undefined => loaded;
