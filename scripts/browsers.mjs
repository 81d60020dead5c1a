// Finds the Debian browsers the tests and benchmarks use, and installs the missing ones
// when it may (root on Debian, as CI is). Browsers come from Debian packages, never from a
// tool's own download, which cannot work here.
import {existsSync} from 'node:fs';
import {execSync} from 'node:child_process';

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
