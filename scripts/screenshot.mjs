#!/usr/bin/env node
// Screenshots a page as a visitor sees it, in Debian's Chromium:
// node scripts/screenshot.mjs <url> <out.png> [width] [--dark] [--forced-colors]
import {chromium} from 'playwright-core';
import {CHROMIUM_ARGS} from '../web-test-runner.config.mjs';

const [url, out, width = '1024'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
const page = await browser.newPage({viewport: {width: Number(width), height: 800}});
if (process.argv.includes('--forced-colors')) await page.emulateMedia({forcedColors: 'active'});
if (process.argv.includes('--dark')) await page.emulateMedia({colorScheme: 'dark'});
page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()}`));
page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
await page.goto(url, {waitUntil: 'networkidle'});
await page.waitForTimeout(300);
await page.screenshot({path: out, fullPage: true});
const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
console.log(`${out}: horizontal overflow ${scroll}px`);
await browser.close();
