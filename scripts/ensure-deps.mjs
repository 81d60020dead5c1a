// Installs the npm dependencies when node_modules is missing (a fresh clone), so that
// "npm start" and "npm test" are the only commands a newcomer needs.
import {existsSync} from 'node:fs';
import {execSync} from 'node:child_process';

export function ensureDeps() {
  if (existsSync('node_modules/.package-lock.json')) return;
  console.log('Installing npm dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', {stdio: 'inherit', env: {...process.env, PUPPETEER_SKIP_DOWNLOAD: '1'}});
}
