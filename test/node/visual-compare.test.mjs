// The visual check's comparison (scripts/visual-compare.mjs): what counts as a change, and
// baselines stored without losing a pixel.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {PNG} from 'pngjs';
import {MIN_CHANGED_PIXELS, compare, crop, encode} from '../../scripts/visual-compare.mjs';

/** A white `width` × `height` image, with `paint(x, y)` → [r, g, b] where it answers. */
function image(width, height, paint = () => undefined) {
  const png = new PNG({width, height});
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set([...(paint(x, y) ?? [255, 255, 255]), 255], (y * width + x) * 4);
  }
  return png;
}
const box = (x0, y0, size, colour) => (x, y) => (x >= x0 && x < x0 + size && y >= y0 && y < y0 + size ? colour : undefined);

test('the same pixels pass, and no picture is made', () => {
  const result = compare(image(40, 30, box(5, 5, 10, [0, 83, 155])), image(40, 30, box(5, 5, 10, [0, 83, 155])));
  assert.deepEqual([result.changed, result.failed, result.diff], [0, false, undefined]);
});

test("a change in a pixel's last bit (rounding) is not a change", () => {
  const result = compare(image(40, 30, box(5, 5, 10, [0, 83, 155])), image(40, 30, box(5, 5, 10, [1, 84, 154])));
  assert.equal(result.changed, 0);
});

test('a few changed pixels pass, a larger area fails with a picture of baseline, screenshot and changes', () => {
  const few = compare(image(40, 30), image(40, 30, box(5, 5, 2, [0, 0, 0])));
  assert.equal(few.failed, false);
  assert.ok(few.changed <= MIN_CHANGED_PIXELS);
  const area = compare(image(40, 30), image(40, 30, box(5, 5, 6, [0, 0, 0])));
  assert.equal(area.failed, true);
  assert.equal(area.changed, 36);
  assert.deepEqual([area.diff.width, area.diff.height], [40 * 3 + 16, 30]);
});

test('another shade of a colour is a change', () => {
  // The accent of one theme against a slightly lighter blue, over a whole button's area.
  const result = compare(image(40, 30, box(5, 5, 20, [0, 83, 155])), image(40, 30, box(5, 5, 20, [0, 96, 176])));
  assert.equal(result.failed, true);
});

test('another size fails, whatever the pixels', () => {
  const result = compare(image(40, 30), image(40, 31));
  assert.deepEqual([result.resized, result.failed], [true, true]);
});

test('crop takes the rectangle asked for, and refuses one outside the screenshot', () => {
  const part = crop(image(40, 30, box(10, 10, 5, [200, 0, 0])), {x: 10, y: 10, width: 5, height: 5});
  assert.deepEqual([...part.data.subarray(0, 4)], [200, 0, 0, 255]);
  assert.throws(() => crop(image(40, 30), {x: 30, y: 0, width: 20, height: 5}), /cannot crop/);
});

test('baselines are stored without losing a pixel: grey in one channel, colour in three', () => {
  for (const png of [image(40, 30, box(5, 5, 10, [90, 90, 90])), image(40, 30, box(5, 5, 10, [0, 83, 155]))]) {
    assert.ok(PNG.sync.read(encode(png)).data.equals(png.data));
  }
  assert.equal(PNG.sync.read(encode(image(4, 4))).colorType, 0);
  assert.equal(PNG.sync.read(encode(image(4, 4, () => [0, 83, 155]))).colorType, 2);
});
