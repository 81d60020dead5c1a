/* global gc -- Chromium's, with --js-flags=--expose-gc (bench/run.mjs) */
// Runs in the bench page (bench/page/bench.html, with the CDN bundle loaded); bench/run.mjs
// calls window.bench.* through Playwright. Every timing includes layout (a forced
// getBoundingClientRect), because a render that has not been laid out has not been seen.
import {compactList, projectPage, shadowHost, summaryCard} from './vanilla.js';

const stage = document.getElementById('stage');
const ms = (start) => performance.now() - start;
/** The CSS text of an element's styles (the card's, unless another tag is named). */
const css = (tag = 'loft-project-card') => customElements.get(tag).elementStyles.map((s) => s.cssText).join('\n');

/** Resolves when a loft element shows its content (loft-load), rejects on a fatal loft-error. */
function loaded(el) {
  return new Promise((resolve, reject) => {
    el.addEventListener('loft-load', resolve, {once: true});
    el.addEventListener('loft-error', (e) => e.detail.code !== 'field-dropped' && reject(new Error(`${e.detail.code}: ${e.detail.message}`)), {once: true});
  });
}

/** Waits for a loft element to show its content (loft-load, then its render). */
async function shown(el) {
  await loaded(el);
  await el.updateComplete;
  // Nested loft elements (the card and member list in <loft-project>) render after their own
  // feed task: wait for their loft-load too. (Polling for them once a frame, as this did, counted
  // the idle time until that frame and its paint, which the vanilla baseline, laid out at once, does not pay.)
  const busy = [...el.shadowRoot.querySelectorAll('*')].filter((c) => c.localName.startsWith('loft-') && !c.shadowRoot?.querySelector('[part="base"][aria-busy="false"]'));
  await Promise.all(busy.map((c) => loaded(c).then(() => c.updateComplete)));
  el.shadowRoot.firstElementChild.getBoundingClientRect();
}

/** Loads the slow path of validation (a chunk of its own) with a feed that needs it, untimed. */
async function withSlowPath(lib) {
  const warn = console.warn;
  console.warn = () => {};
  try {
    await lib.parseFeed('{"version": 1, "projects": [{}]}', location.href);
  } finally {
    console.warn = warn;
  }
}

function clear() {
  stage.replaceChildren();
}

// The CDN loader loads each element's code when its tag is on the page: put one of each on
// it, so the timings below compare rendering with rendering (the vanilla code is loaded too).
const TAGS = ['loft-project-card', 'loft-member-list', 'loft-project', 'loft-project-list', 'loft-contact-form'];
const warmup = document.createElement('div');
warmup.hidden = true;
warmup.append(...TAGS.map((tag) => document.createElement(tag)));
document.body.append(warmup);

/** The long-task record of observeLongTasks. */
const longTasks = {observer: undefined, durations: []};

window.bench = {
  ready: () => Promise.all(TAGS.map((tag) => customElements.whenDefined(tag))).then(() => (warmup.remove(), true)),

  /** The first card in this page, then the median of `warm` more (each replacing the last). */
  async cards(kind, json, warm) {
    const first = await window.bench.card(kind, json);
    const times = [];
    for (let i = 0; i < warm; i++) times.push(await window.bench.card(kind, json));
    times.sort((a, b) => a - b);
    return {first, warm: times[Math.floor(times.length / 2)]};
  },

  /** One summary card from inline JSON text: `loft` (the element), `vanilla`, `react` or `lit` (bare Lit). */
  async card(kind, json) {
    clear();
    const cssText = css();
    let react, lit;
    if (kind === 'react') react = await import('/bench/.tmp/react-card.js');
    if (kind === 'lit') lit = await import('/bench/.tmp/lit-card.js');
    const start = performance.now();
    if (kind === 'loft') {
      const el = document.createElement('loft-project-card');
      el.setAttribute('project', 'loft');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = json;
      el.append(script);
      const done = shown(el);
      stage.append(el);
      await done;
    } else if (kind === 'vanilla') {
      const root = shadowHost(stage, cssText);
      root.append(summaryCard(JSON.parse(json), 'loft'));
      root.firstElementChild.getBoundingClientRect();
    } else if (kind === 'lit') {
      const root = await lit.mountLitCard(stage, json, 'loft', cssText);
      root.firstElementChild.getBoundingClientRect();
    } else {
      const root = react.mountReactCard(stage, json, 'loft', cssText);
      root.firstElementChild.getBoundingClientRect();
    }
    return ms(start);
  },

  /**
   * One summary card from a feed URL in a fresh page: the element by `src` (fetch, read,
   * parse, check, render), or the vanilla card fetching and parsing the same feed.
   */
  async cardFromSrc(kind, url) {
    clear();
    const cssText = css();
    const start = performance.now();
    if (kind === 'loft') {
      const el = document.createElement('loft-project-card');
      el.setAttribute('project', 'loft');
      el.setAttribute('src', url);
      const done = shown(el);
      stage.append(el);
      await done;
    } else {
      const feed = JSON.parse(await (await fetch(url, {credentials: 'omit'})).text());
      const root = shadowHost(stage, cssText);
      root.append(summaryCard(feed, 'loft'));
      root.firstElementChild.getBoundingClientRect();
    }
    return ms(start);
  },

  /** The rendered card as a server would send it for an iframe: its markup and CSS. */
  async serverRendered(json) {
    clear();
    const el = document.createElement('loft-project-card');
    el.setAttribute('project', 'loft');
    el.data = JSON.parse(json);
    const done = shown(el);
    stage.append(el);
    await done;
    const markup = el.shadowRoot.innerHTML.replace(/<!--[^]*?-->/g, '');
    return {markup, css: css()};
  },

  /** Time from inserting an iframe to its load event. */
  async iframe(url) {
    clear();
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 720px; height: 600px; border: 0';
    const start = performance.now();
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
    frame.src = url;
    stage.append(frame);
    await loaded;
    frame.contentDocument.body.getBoundingClientRect();
    return ms(start);
  },

  /** JSON.parse vs parse + validation vs text resolution over the whole feed. */
  async feed(url, runs) {
    const lib = await import('/bench/.tmp/feed-lib.js');
    const json = await (await fetch(url)).text();
    const translator = await lib.translatorFor('sv');
    const out = {parse: [], validate: [], resolve: [], projects: 0};
    // Each step starts on a collected heap, so no step pays for the garbage of the one before.
    for (let i = 0; i < runs; i++) {
      gc();
      let start = performance.now();
      JSON.parse(json);
      out.parse.push(ms(start));
      gc();
      start = performance.now();
      const loaded = await lib.parseFeed(json, location.href);
      out.validate.push(ms(start));
      gc();
      start = performance.now();
      const resolver = lib.resolverFor(loaded, translator);
      for (const project of loaded.feed.projects) lib.summaryView(project, resolver);
      out.resolve.push(ms(start));
      out.projects = loaded.feed.projects.length;
    }
    return out;
  },

  /**
   * A hostile feed: JSON.parse; validation of the parsed value alone; and parse + validation
   * as an element runs it on feed text (a dense text under 1 MB is parsed in slices). The
   * slow path is loaded first, as the first broken feed on a page loads it.
   */
  async hostile(url, runs) {
    const lib = await import('/bench/.tmp/feed-lib.js');
    await withSlowPath(lib);
    const json = await (await fetch(url)).text();
    const out = {parse: [], validate: [], parseFeed: [], problems: 0};
    for (let i = 0; i < runs; i++) {
      gc();
      let start = performance.now();
      const raw = JSON.parse(json);
      out.parse.push(ms(start));
      gc();
      start = performance.now();
      const {counts} = await lib.validateFeedAsync(raw);
      out.validate.push(ms(start));
      out.problems = Object.values(counts).reduce((a, b) => a + b, 0);
      gc();
      start = performance.now();
      await lib.parseFeed(json, location.href);
      out.parseFeed.push(ms(start));
    }
    return out;
  },

  /** JS heap (needs --enable-precise-memory-info and --js-flags=--expose-gc): growth while parsing (garbage included, so close to the peak) and what stays. */
  async heap(url, validate) {
    const lib = await import('/bench/.tmp/feed-lib.js');
    await withSlowPath(lib);
    const json = await (await fetch(url)).text();
    gc();
    const before = performance.memory.usedJSHeapSize;
    // Held until the second measurement, so "retained" is what the parsed feed keeps.
    const kept = validate ? await lib.parseFeed(json, location.href) : JSON.parse(json);
    const peak = performance.memory.usedJSHeapSize - before;
    gc();
    const retained = performance.memory.usedJSHeapSize - before;
    return {peak, retained, jsonBytes: json.length, kept: kept !== undefined};
  },

  /**
   * The longest main-thread task while a card loads a feed by `src` and shows its outcome:
   * 0 when none took 50 ms (the long-task API reports no shorter ones).
   */
  async longestTask(url, tag = 'loft-project-card') {
    window.bench.observeLongTasks();
    await window.bench.show(url, tag, {project: 'p'});
    // Live JSON-LD is written half a second after the feed arrives.
    await new Promise((resolve) => setTimeout(resolve, 700));
    return window.bench.longestObserved();
  },

  /** Puts `<tag src=url>` with `attributes` on the stage, and resolves once it shows its outcome, laid out. */
  async show(url, tag, attributes = {}) {
    clear();
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    el.setAttribute('src', url);
    const done = new Promise((resolve) => {
      el.addEventListener('loft-load', resolve, {once: true});
      // A fatal problem (the wanted project left out, say) is an outcome too.
      el.addEventListener('loft-error', (e) => e.detail.code !== 'field-dropped' && resolve(), {once: false});
    });
    stage.append(el);
    await done;
    await el.updateComplete;
    el.shadowRoot.firstElementChild.getBoundingClientRect();
  },

  /** Starts recording long tasks (a new record). */
  observeLongTasks() {
    longTasks.observer?.disconnect();
    longTasks.durations = [];
    longTasks.observer = new PerformanceObserver((list) => longTasks.durations.push(...list.getEntries().map((entry) => entry.duration)));
    longTasks.observer.observe({type: 'longtask'});
  },

  /** The longest task recorded since `observeLongTasks`, half a second on (entries arrive after their task): 0 when none took 50 ms. */
  async longestObserved() {
    await new Promise((resolve) => setTimeout(resolve, 500));
    longTasks.observer.disconnect();
    return Math.max(0, ...longTasks.durations);
  },

  /** `<loft-project-list .data=feed>` of the first n projects, or the vanilla compact list. */
  async list(kind, url, n) {
    clear();
    const feed = await (await fetch(url)).json();
    feed.projects = feed.projects.slice(0, n);
    const cssText = css('loft-project-list');
    const start = performance.now();
    if (kind === 'loft') {
      const el = document.createElement('loft-project-list');
      el.data = feed;
      const done = shown(el);
      stage.append(el);
      await done;
    } else {
      const root = shadowHost(stage, cssText);
      root.append(compactList(feed));
      root.firstElementChild.getBoundingClientRect();
    }
    return ms(start);
  },

  /** `<loft-project project=loft>` (the whole seed page) from the reference feed, or the vanilla page. */
  async project(kind, json) {
    clear();
    const cssText = css('loft-project');
    const start = performance.now();
    if (kind === 'loft') {
      const el = document.createElement('loft-project');
      el.setAttribute('project', 'loft');
      el.data = JSON.parse(json);
      const done = shown(el);
      stage.append(el);
      await done;
    } else {
      const root = shadowHost(stage, cssText);
      root.append(projectPage(JSON.parse(json), 'loft', css));
      root.firstElementChild.getBoundingClientRect();
    }
    return ms(start);
  },

  defined: (tag) => customElements.get(tag) !== undefined,

  /** The CSS text of an element's styles, for a baseline outside this page (bench/run.mjs's page loads). */
  css,
};
