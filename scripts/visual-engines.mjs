// The three engines of the visual check (scripts/visual.mjs), each driven the way it can be
// here (shared/TOOLCHAIN.md): Debian's Chromium through playwright-core, Firefox ESR through
// Puppeteer over WebDriver BiDi, WebKitGTK's MiniBrowser through WebKitWebDriver (classic
// WebDriver, under Xvfb). Every engine gets the same page: a viewport of VIEWPORT, no motion
// (`prefers-reduced-motion: reduce`, so the loading skeleton stands still), a light system
// colour scheme, and forced colours when asked, where the engine has them.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PNG} from 'pngjs';
import {chromium} from 'playwright-core';
import puppeteer from 'puppeteer';
import {remote} from 'webdriverio';
import {CHROMIUM_ARGS} from '../web-test-runner.config.mjs';
import {MINIBROWSER_CAPABILITIES, startWebKitDriver} from './browsers.mjs';
import {crop} from './visual-compare.mjs';

/** The browser's viewport: as wide as a desktop page, as tall as the tallest story we capture. */
export const VIEWPORT = {width: 1024, height: 2400};

const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/**
 * A fontconfig setup in which the browsers find DejaVu (fonts-dejavu-core, which CI installs)
 * and no other font, with the system's own rules (generic families, hinting) on top, so the
 * screenshots do not change with the other fonts a machine has: every engine here finds its
 * fonts through fontconfig (tried: a font added to /usr/local/share/fonts, which all three
 * then used, is left unseen). Returns the environment variable that points them at it.
 */
export function fontEnvironment(dir) {
  mkdirSync(join(dir, 'fontconfig-cache'), {recursive: true});
  const conf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${DEJAVU}</dir>
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
`;
  writeFileSync(join(dir, 'fonts.conf'), conf);
  return {FONTCONFIG_FILE: join(dir, 'fonts.conf')};
}

export const DEJAVU_SANS = join(DEJAVU, 'DejaVuSans.ttf');

/**
 * Opens `engine` ('chromium' | 'firefox' | 'webkit') with forced colours on or off. Resolves
 * with {version, goto(url), evaluate(fn, arg), capture(rect) → PNG, close()}; null when the
 * engine cannot emulate forced colours (see ENGINES[engine].forcedColors).
 */
export async function openEngine(engine, {forcedColors}) {
  if (forcedColors && !ENGINES[engine].forcedColors) return null;
  return ENGINES[engine].open({forcedColors});
}

const ENGINES = {
  chromium: {
    forcedColors: true,
    async open({forcedColors}) {
      const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
      // Playwright emulates the media features through CDP (Emulation.setEmulatedMedia).
      const context = await browser.newContext({
        viewport: VIEWPORT,
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
        colorScheme: 'light',
        forcedColors: forcedColors ? 'active' : 'none',
      });
      const page = await context.newPage();
      return {
        version: `Chromium ${browser.version()}`,
        goto: (url) => page.goto(url, {waitUntil: 'load'}),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        capture: async (rect) => PNG.sync.read(await page.screenshot({clip: rect})),
        close: () => browser.close(),
      };
    },
  },
  firefox: {
    // Firefox has no emulation of forced colours over BiDi (Puppeteer's emulateMediaFeatures
    // needs CDP), but its own high-contrast mode is a preference: "override the page's
    // colours always" (document_color_use 2) is what makes `forced-colors: active` match.
    forcedColors: true,
    async open({forcedColors}) {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: '/usr/bin/firefox-esr',
        headless: true,
        extraPrefsFirefox: {
          'ui.prefersReducedMotion': 1,
          'layout.css.prefers-color-scheme.content-override': 1, // light
          'layout.css.devPixelsPerPx': '1.0',
          // Fixed system colours instead of the desktop theme's (also the forced palette's).
          'ui.use_standins_for_native_colors': true,
          'browser.display.document_color_use': forcedColors ? 2 : 0,
        },
      });
      const page = await browser.newPage();
      await page.setViewport(VIEWPORT);
      return {
        version: `Firefox ${(await browser.version()).split('/').pop()}`,
        goto: (url) => page.goto(url, {waitUntil: 'load'}),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        capture: async (rect) => PNG.sync.read(Buffer.from(await page.screenshot({clip: rect}))),
        close: () => browser.close(),
      };
    },
  },
  webkit: {
    // WebKit has no forced-colours mode at all: its media query answers `none` whatever the
    // settings (WebCore's MediaQueryFeatures.cpp), and WebKitGTK has no switch for it.
    forcedColors: false,
    async open() {
      // MiniBrowser follows GTK's settings: animations off is its prefers-reduced-motion.
      const home = mkdtempSync(join(tmpdir(), 'loft-visual-webkit-'));
      mkdirSync(join(home, 'gtk-3.0'));
      writeFileSync(join(home, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=0\ngtk-application-prefer-dark-theme=0\n');
      // Painting on the CPU, on one thread: with Xvfb's software GL and several painting
      // threads, two runs differed by thousands of pixels' rounding.
      const env = {...process.env, XDG_CONFIG_HOME: home, WEBKIT_SKIA_ENABLE_CPU_RENDERING: '1', WEBKIT_SKIA_CPU_PAINTING_THREADS: '0'};
      delete env.GTK_THEME;
      let driver;
      let browser;
      const close = async () => {
        await browser?.deleteSession().catch(() => undefined);
        driver?.stop();
        rmSync(home, {recursive: true, force: true});
      };
      try {
        driver = await startWebKitDriver(env);
        browser = await remote({hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: MINIBROWSER_CAPABILITIES});
        // The window size includes MiniBrowser's toolbar: size it so the page gets VIEWPORT. The
        // window is resized a moment after setWindowRect answers (one CI run in four saw the old
        // 1024×730), and the toolbar's height may be known only then: look again, and size again.
        const fits = (inner) => inner[0] === VIEWPORT.width && inner[1] === VIEWPORT.height;
        let inner = [];
        for (let attempt = 0; attempt < 3 && !fits(inner); attempt++) {
          const outer = await browser.execute(() => [outerWidth - innerWidth, outerHeight - innerHeight]);
          await browser.setWindowRect(0, 0, VIEWPORT.width + outer[0], VIEWPORT.height + outer[1]);
          for (let look = 0; look < 20; look++) {
            inner = await browser.execute(() => [innerWidth, innerHeight]);
            if (fits(inner)) break;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        if (!fits(inner)) throw new Error(`MiniBrowser's viewport is ${inner.join('×')}, not ${VIEWPORT.width}×${VIEWPORT.height} (is the Xvfb screen large enough?)`);
      } catch (error) {
        // Nothing of a browser that did not start may keep Node (and CI) waiting.
        await close();
        throw error;
      }
      return {
        version: `WebKitGTK ${browser.capabilities.browserVersion}`,
        goto: (url) => browser.url(url),
        evaluate: (fn, arg) => browser.execute(fn, arg),
        // Classic WebDriver screenshots the whole viewport; the crop is ours.
        capture: async (rect) => crop(PNG.sync.read(Buffer.from(await browser.takeScreenshot(), 'base64')), rect),
        close,
      };
    },
  },
};
