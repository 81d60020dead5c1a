// Loaded (deferred, before the bundle's module script) by the /ssr/ test pages: what the
// server-rendered widgets show before any of their code runs, for test/ssr.test.ts to compare
// with what they show once hydrated, and every layout shift from the start (Chromium).
(() => {
  const widgets = [...document.querySelectorAll('body *')].filter((el) => el.localName.startsWith('loft-'));
  const texts = (root, out = []) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) out.push(node.textContent.trim());
      if (node.nodeType !== Node.ELEMENT_NODE || node.localName === 'style' || node.localName === 'script') continue;
      if (node.shadowRoot) texts(node.shadowRoot, out);
      texts(node, out);
    }
    return out;
  };
  window.__ssr = {
    texts,
    before: widgets.map((el) => (el.shadowRoot ? texts(el.shadowRoot) : [])),
    headings: widgets.map((el) => el.shadowRoot?.querySelector('[part="heading"]')),
    shifts: [],
  };
  if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) {
    new PerformanceObserver((list) => window.__ssr.shifts.push(...list.getEntries().map((e) => e.value))).observe({type: 'layout-shift', buffered: true});
  }
})();
