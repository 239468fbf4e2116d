import { describe, expect, it } from 'vitest';
import { BLOC_COLOURS, ORIENTATION_COLOURS, maturityColour } from './vocabulary';

/** The hue of a #rrggbb colour in degrees, and whether it is a grey. */
function hue(hex: string): { h: number; grey: boolean } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d < 0.25 * max) return { h: 0, grey: true };
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { h: (h * 60 + 360) % 360, grey: false };
}
const apart = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('one colour per meaning', () => {
  it('gives the network’s blocs hues that neither the orientation nor the maturity legend uses', () => {
    const taken = [...Object.values(ORIENTATION_COLOURS), ...[10, 30, 50, 70, 90].map(maturityColour)].map(hue).filter((c) => !c.grey);
    for (const colour of BLOC_COLOURS) {
      const c = hue(colour);
      if (c.grey) continue;
      for (const t of taken) expect(apart(c.h, t.h), `${colour} against ${t.h}`).toBeGreaterThanOrEqual(20);
    }
    expect(new Set(BLOC_COLOURS).size).toBe(BLOC_COLOURS.length);
  });
});
