#!/usr/bin/env node
// npm run build: message catalogs → ES modules + .d.ts (dist/) → CDN bundle (dist/cdn/)
// → custom-elements.json → schema/feed-v1.json.
import {execSync} from 'node:child_process';
import {rmSync} from 'node:fs';
import {ensureDeps} from './ensure-deps.mjs';

ensureDeps();
const run = (command) => execSync(command, {stdio: 'inherit'});
rmSync('dist', {recursive: true, force: true});
run('node scripts/i18n.mjs build');
run('node scripts/generate-feed-checks.mjs'); // src/feed/generated/ from the schema
run('npx tsc -p tsconfig.json');
run('npx rollup -c rollup.config.js --silent');
run('node scripts/integrity.mjs'); // dist/cdn/integrity.json and importmap.json: SRI hashes of every CDN file
run('npx cem analyze --quiet'); // custom-elements-manifest.config.mjs
run('node scripts/build-schema.mjs');
