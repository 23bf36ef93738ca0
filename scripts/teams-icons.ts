import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from './zip';

// Draws the Teams app icons: a counter-clockwise arrow (money going back) around a coin. Teams wants a 192x192
// full-colour icon and a 32x32 outline icon that is white on a transparent background.
// Run once after changing the drawing: npx ts-node --transpile-only scripts/teams-icons.ts

export const ACCENT_COLOR = '#0F7B6C';

type Rgba = readonly [number, number, number, number];

/** RGBA, 8 bits per channel, rows top to bottom. */
export interface Image {
  width: number;
  height: number;
  pixels: Uint8Array;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;

export function encodePng(image: Image): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) throw new Error('encodePng: pixel buffer does not match the size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = COLOR_TYPE_RGBA;
  // compression, filter method, interlace: 0 (the only defined values, no interlace)
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(pixels.buffer, pixels.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Whether a point of the glyph, in a square from -1 to 1 with y pointing up, is ink. */
export function glyphCovers(x: number, y: number): boolean {
  const r = Math.hypot(x, y);
  if (r <= 0.2) return true; // the coin
  const deg = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  // The ring leaves a gap at the top, between 60 and 125 degrees; the arrowhead sits on its 60-degree end.
  if (r >= 0.42 && r <= 0.62 && !(deg > 60 && deg < 125)) return true;
  return inArrowhead(x, y);
}

const HEAD_ANGLE = (60 * Math.PI) / 180;
const HEAD: readonly (readonly [number, number])[] = (() => {
  const [cx, cy] = [Math.cos(HEAD_ANGLE), Math.sin(HEAD_ANGLE)];
  // Base across the ring (radially), tip ahead in the counter-clockwise direction.
  const tangent: [number, number] = [-cy, cx];
  const base = (radius: number): [number, number] => [cx * radius, cy * radius];
  const tip: [number, number] = [cx * 0.52 + tangent[0] * 0.3, cy * 0.52 + tangent[1] * 0.3];
  return [base(0.28), base(0.76), tip];
})();

function inArrowhead(x: number, y: number): boolean {
  const [a, b, c] = HEAD as [readonly [number, number], readonly [number, number], readonly [number, number]];
  const side = (p: readonly [number, number], q: readonly [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/**
 * Renders the glyph at `size` pixels, 4x4 samples per pixel for smooth edges. `scale` is the glyph's share of
 * the image (Teams crops colour icons to a rounded square, so the glyph keeps a margin).
 */
export function drawIcon(size: number, options: { ink: Rgba; background: Rgba; scale: number }): Image {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (((px + (sx + 0.5) / samples) / size) * 2 - 1) / options.scale;
          const y = -((((py + (sy + 0.5) / samples) / size) * 2 - 1) / options.scale);
          if (glyphCovers(x, y)) hits++;
        }
      }
      const coverage = hits / (samples * samples);
      const i = (py * size + px) * 4;
      for (let ch = 0; ch < 4; ch++) {
        pixels[i + ch] = Math.round(options.background[ch]! * (1 - coverage) + options.ink[ch]! * coverage);
      }
    }
  }
  return { width: size, height: size, pixels };
}

const WHITE: Rgba = [255, 255, 255, 255];
const TRANSPARENT_WHITE: Rgba = [255, 255, 255, 0];

function hexToRgba(hex: string): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, 255];
}

/** The two icon files, as PNG bytes. */
export function teamsIcons(): { color: Buffer; outline: Buffer } {
  return {
    color: encodePng(drawIcon(192, { ink: WHITE, background: hexToRgba(ACCENT_COLOR), scale: 0.78 })),
    // Only alpha varies: every pixel stays white, as Teams requires of outline icons.
    outline: encodePng(drawIcon(32, { ink: WHITE, background: TRANSPARENT_WHITE, scale: 0.95 })),
  };
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'teams');
  mkdirSync(dir, { recursive: true });
  const { color, outline } = teamsIcons();
  writeFileSync(join(dir, 'color.png'), color);
  writeFileSync(join(dir, 'outline.png'), outline);
  console.log(`wrote ${join(dir, 'color.png')} (${color.length} bytes) and ${join(dir, 'outline.png')} (${outline.length} bytes)`);
}
