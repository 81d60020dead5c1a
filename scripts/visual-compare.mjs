// Pixels for the visual check (scripts/visual.mjs): cropping, comparing a screenshot with
// its baseline, and the picture that shows a failure.
import pixelmatch from 'pixelmatch';
import {PNG} from 'pngjs';

/**
 * How different one pixel may be and still count as the same: pixelmatch's colour distance
 * (OKLab HyAB, 0–1, black against white is 1). The engines here draw the same pixels run
 * after run but for rounding (under 0.01); a shade a designer would call another colour is
 * more than 0.03. Pixels pixelmatch recognises as anti-aliasing are left out of the count.
 */
export const PIXEL_THRESHOLD = 0.03;

/**
 * How many changed pixels fail a screenshot: more than 8, the margin for a stray glyph edge
 * that pixelmatch does not recognise as anti-aliasing (none in the runs here: the engines
 * draw the same pixels run after run). The smallest deliberate change tried, one button's
 * 4 px corners made 6 px, changes 11 or 12.
 */
export const MIN_CHANGED_PIXELS = 8;

/** The part of `png` inside `rect` ({x, y, width, height}, whole pixels). */
export function crop(png, {x, y, width, height}) {
  if (x < 0 || y < 0 || x + width > png.width || y + height > png.height) {
    throw new Error(`cannot crop ${width}×${height}+${x}+${y} from a ${png.width}×${png.height} screenshot`);
  }
  const out = new PNG({width, height});
  PNG.bitblt(png, out, x, y, width, height, 0, 0);
  return out;
}

/** `png` on a canvas of `width` × `height`, the rest transparent (a size change then shows as changed pixels). */
function extend(png, width, height) {
  if (png.width === width && png.height === height) return png;
  const out = new PNG({width, height});
  PNG.bitblt(png, out, 0, 0, png.width, png.height, 0, 0);
  return out;
}

/**
 * Compares a screenshot with its baseline. `changed` counts the pixels that differ beyond
 * PIXEL_THRESHOLD (anti-aliasing left out); `failed` says whether that is a change: a new
 * size, or more than MIN_CHANGED_PIXELS. `diff` is the picture for a person: baseline,
 * screenshot, and the changed pixels in red over a faded copy, side by side.
 */
export function compare(baseline, actual) {
  const width = Math.max(baseline.width, actual.width);
  const height = Math.max(baseline.height, actual.height);
  const a = extend(baseline, width, height);
  const b = extend(actual, width, height);
  const marks = new PNG({width, height});
  const changed = pixelmatch(a.data, b.data, marks.data, width, height, {threshold: PIXEL_THRESHOLD});
  const resized = baseline.width !== actual.width || baseline.height !== actual.height;
  const failed = resized || changed > MIN_CHANGED_PIXELS;
  return {changed, resized, failed, diff: failed ? sideBySide([a, b, marks]) : undefined};
}

/** Images next to each other with a grey gap between them. */
function sideBySide(images, gap = 8) {
  const width = images.reduce((sum, png) => sum + png.width, gap * (images.length - 1));
  const height = Math.max(...images.map((png) => png.height));
  const out = new PNG({width, height});
  for (let i = 0; i < out.data.length; i += 4) out.data.set([128, 128, 128, 255], i);
  let x = 0;
  for (const png of images) {
    PNG.bitblt(png, out, 0, 0, png.width, png.height, x, 0);
    x += png.width + gap;
  }
  return out;
}

/**
 * A PNG file of `png`, as small as it can be without losing a pixel: screenshots are opaque
 * (no alpha), light ones often grey only (one channel); no row filter, which suits flat
 * colours and text better than the adaptive one (about half the bytes here).
 */
export function encode(png) {
  const options = {deflateLevel: 9, deflateStrategy: 0, filterType: 0};
  const grey = PNG.sync.write(png, {...options, colorType: 0});
  if (PNG.sync.read(grey).data.equals(png.data)) return grey;
  return PNG.sync.write(png, {...options, colorType: 2});
}
