// Writes schema/feed-v1.json from the valibot schema (dist/feed/schema.js), so editors get
// completion and errors in their editor with "$schema". `--check` fails when the committed
// file is out of date.
import {readFileSync, writeFileSync} from 'node:fs';
import {toJsonSchema} from '@valibot/to-json-schema';
import {FeedSchema} from '../dist/feed/schema.js';

const schema = {
  ...toJsonSchema(FeedSchema, {errorMode: 'ignore', target: 'draft-07'}),
  $id: 'https://unpkg.com/loft-widgets/schema/feed-v1.json',
  title: 'loft-widgets feed, version 1',
  description:
    'Projects, organisations, people and contact forms for the loft-widgets elements. Some rules are checked only at run time (npx loft-widgets validate): URL schemes, that every id a field points to exists in the feed, and that a date is a day the calendar has (no 31 April).',
};
// Editors write "$schema" at the top of their feed: allow it.
schema.properties = {$schema: {type: 'string'}, ...schema.properties};
const text = JSON.stringify(schema, null, 2) + '\n';
const file = new URL('../schema/feed-v1.json', import.meta.url);
if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== text) {
    console.error('schema/feed-v1.json is out of date: run npm run build and commit it.');
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
}
