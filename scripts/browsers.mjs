// Finds the Debian browsers the tests and benchmarks use, and installs the missing ones
// when it may (root on Debian, as CI is). Browsers come from Debian packages, never from a
// tool's own download, which cannot work here.
import {existsSync} from 'node:fs';
import {execSync, spawn} from 'node:child_process';
import {createConnection, createServer} from 'node:net';

export const BROWSERS = {
  chromium: {binary: '/usr/bin/chromium', packages: ['chromium']},
  firefox: {binary: '/usr/bin/firefox-esr', packages: ['firefox-esr']},
  webkit: {
    binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    extra: ['/usr/bin/WebKitWebDriver', '/usr/bin/xvfb-run'],
    packages: ['webkit2gtk-driver', 'xvfb'],
  },
};

const present = (name) => [BROWSERS[name].binary, ...(BROWSERS[name].extra ?? [])].every((f) => existsSync(f));

/** Makes sure the named browsers exist; returns false (after one line of advice) when they cannot. */
export function ensureBrowsers(names) {
  const missing = names.filter((name) => !present(name));
  if (missing.length === 0) return true;
  const packages = missing.flatMap((name) => BROWSERS[name].packages);
  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version');
  if (!canInstall) {
    console.error(`Missing browsers (${missing.join(', ')}): install them with "sudo apt-get install -y ${packages.join(' ')}", or choose others with LOFT_BROWSERS=chromium.`);
    return false;
  }
  console.log(`Installing Debian packages: ${packages.join(' ')}`);
  execSync('apt-get update -qq', {stdio: 'inherit'});
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages.join(' ')} fonts-dejavu-core`, {stdio: 'inherit'});
  return names.every(present);
}

/** The engines LOFT_BROWSERS names (`chromium,firefox,webkit` unless it says otherwise). */
export function wantedBrowsers(env = process.env) {
  return (env.LOFT_BROWSERS ?? 'chromium,firefox,webkit')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** What WebKitWebDriver is asked for: MiniBrowser, under automation. */
export const MINIBROWSER_CAPABILITIES = {
  browserName: 'MiniBrowser',
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': {binary: BROWSERS.webkit.binary, args: ['--automation']},
};

/** Starts WebKitWebDriver (with `env`) on a free port; resolves once it listens, with `stop()`. */
export async function startWebKitDriver(env = process.env) {
  const port = await freePort();
  const driver = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], {stdio: 'ignore', env});
  // A driver that cannot start (or bind) ends: that must not pass for another one listening there.
  const ended = new Promise((resolve, reject) => {
    driver.once('error', reject);
    driver.once('exit', (code) => reject(new Error(`WebKitWebDriver ended (exit code ${code}) before it listened on port ${port}`)));
  });
  ended.catch(() => undefined);
  try {
    await Promise.race([portOpen(port), ended]);
  } catch (error) {
    driver.kill();
    throw error;
  }
  return {port, stop: () => driver.kill()};
}

/** A port nothing listens on now. */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function portOpen(port, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = createConnection({host: '127.0.0.1', port}, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not listen on port ${port} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
