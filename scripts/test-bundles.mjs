// The host-page tests (test/embed.test.ts) load the BUILT CDN bundle, as a CMS page does.
// npm test calls ensureTestBundles(): it rebuilds dist/cdn/loft-widgets.js (tsc + rollup,
// ≈ 20 s) only when a source is newer than the bundle, and builds a simulated older copy
// of the bundle (the package has never been published, so there is no real older version)
// in test-results/bundles/older/.
import {execSync} from 'node:child_process';
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {rollup} from 'rollup';

const BUNDLE = 'dist/cdn/loft-widgets.js';
const OLDER = 'test-results/bundles/older';

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export async function ensureTestBundles() {
  const inputs = ['src', 'locales', 'rollup.config.js', 'package-lock.json'].filter(existsSync);
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < Math.max(...inputs.map(newest))) {
    console.log(`Building ${BUNDLE} for the host-page tests…`);
    execSync('npx tsc -p tsconfig.json', {stdio: 'inherit'});
    // Chunks are named by hash: without this, every rebuild left the last build's beside it.
    rmSync('dist/cdn', {recursive: true, force: true});
    execSync('npx rollup -c rollup.config.js --silent', {stdio: 'inherit'});
  }
  // The SRI host pages pin the bundle with these hashes, as README's snippet does.
  execSync('node scripts/integrity.mjs', {stdio: 'ignore'});
  // The "older copy": the same build with one visible difference, a marker on every class it
  // registers, so a test can tell which copy's definition won.
  const {default: [config]} = await import('../rollup.config.js');
  const marker = {
    name: 'older-copy-marker',
    transform(code, id) {
      if (!id.endsWith('/define/define.js')) return null;
      const marked = code.replace('customElements.define(tag, constructor)', "customElements.define(tag, Object.assign(constructor, {loftCopy: 'older'}))");
      if (marked === code) this.error('define.js no longer matches the older-copy marker; update scripts/test-bundles.mjs');
      return marked;
    },
  };
  const build = await rollup({...config, output: undefined, plugins: [...config.plugins.filter((p) => p.name !== 'terser'), marker]});
  rmSync(OLDER, {recursive: true, force: true});
  await build.write({...config.output, dir: OLDER});
  await build.close();
}
