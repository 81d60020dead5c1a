#!/usr/bin/env node
// npm run release: release/loft-widgets-<version>.zip for editors who upload files to a CMS
// by hand: both CDN builds (loft-widgets.js with chunks/, and loft-widgets.single.js), the
// feed's JSON Schema, a one-page guide (docs/editor-guide.html) and the licence. Builds first,
// unless --no-build (CI, right after npm run build).
import {execSync} from 'node:child_process';
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {zip} from './zip.mjs';

const {version} = JSON.parse(readFileSync('package.json', 'utf8'));
if (!process.argv.includes('--no-build')) execSync('node scripts/build.mjs', {stdio: 'inherit'});

const folder = `loft-widgets-${version}`;
const entry = (name, from = name) => ({name: `${folder}/${name}`, data: readFileSync(from)});
const files = [
  entry('loft-widgets.js', 'dist/cdn/loft-widgets.js'),
  ...readdirSync('dist/cdn/chunks')
    .sort()
    .map((chunk) => entry(`chunks/${chunk}`, `dist/cdn/chunks/${chunk}`)),
  entry('loft-widgets.single.js', 'dist/cdn/loft-widgets.single.js'),
  entry('feed-v1.json', 'schema/feed-v1.json'),
  // SRI hashes of every file, and an import map with them for the npm CDN, to pin the bundle.
  entry('integrity.json', 'dist/cdn/integrity.json'),
  entry('importmap.json', 'dist/cdn/importmap.json'),
  {name: `${folder}/GUIDE.html`, data: readFileSync('docs/editor-guide.html', 'utf8').replaceAll('{{version}}', version)},
  entry('LICENSE'),
];
mkdirSync('release', {recursive: true});
const out = `release/${folder}.zip`;
writeFileSync(out, zip(files));
console.log(`${out}: ${files.length} files`);
