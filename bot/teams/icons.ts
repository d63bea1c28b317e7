/**
 * Draws the two Teams icons (192x192 colour, 32x32 white outline on transparent) as PNGs, so no binary is kept in git.
 */
import { PNG } from 'pngjs';

type Rgba = [number, number, number, number];

/** A rounded speech bubble with a tail, scaled to the icon size; true where the pixel is inside it. */
function insideBubble(x: number, y: number, size: number): boolean {
  const s = size / 32;
  const left = 5 * s;
  const right = 27 * s;
  const top = 6 * s;
  const bottom = 21 * s;
  const radius = 4 * s;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  const inBody = x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  const inTail = y >= bottom && y <= 27 * s && x >= 9 * s && x <= 9 * s + (27 * s - y) * 0.9;
  return inBody || inTail;
}

function draw(size: number, paint: (inside: boolean, edge: boolean) => Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const inside = insideBubble(x + 0.5, y + 0.5, size);
      const edge =
        inside &&
        !(
          insideBubble(x - 1.5, y + 0.5, size) &&
          insideBubble(x + 2.5, y + 0.5, size) &&
          insideBubble(x + 0.5, y - 1.5, size) &&
          insideBubble(x + 0.5, y + 2.5, size)
        );
      const [r, g, b, a] = paint(inside, edge);
      const offset = (y * size + x) * 4;
      png.data[offset] = r;
      png.data[offset + 1] = g;
      png.data[offset + 2] = b;
      png.data[offset + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

/**
 * The colour icon: a white bubble on a dark teal square (contrast well above 4.5:1).
 * @example writeFileSync('color.png', colourIcon())
 */
export function colourIcon(): Buffer {
  return draw(192, (inside) => (inside ? [255, 255, 255, 255] : [0, 94, 94, 255]));
}

/** The outline icon: the bubble's outline in white on transparent, as Teams requires. */
export function outlineIcon(): Buffer {
  return draw(32, (_inside, edge) => (edge ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}
