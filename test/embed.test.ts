/**
 * The built CDN bundle on host pages as CMSs serve them: strict CSP with Trusted Types,
 * hostile global CSS, the snippet pasted twice, an older copy, a language switch and no
 * JavaScript at all. The pages (test/embed/*.html, served with real headers by
 * test/server/embed.mjs) are opened in iframes and inspected from here.
 *
 * Every check runs over every loft-* element on the page, so a new element is covered by
 * adding it to test/embed/widgets.html.
 */
import {aTimeout, expect, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {PAGE_LEVEL_AXE_RULES} from '../stories/support/a11y.js';

interface Probe {
  violations: string[];
  errors: string[];
}
type HostWindow = Window & typeof globalThis & {__embed?: Probe};

interface Host {
  frame: HTMLIFrameElement;
  win: HostWindow;
  doc: Document;
  widgets: HTMLElement[];
}

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** Opens a host page in an iframe and waits for it to load. */
async function open(page: string, {sandbox, width = 720}: {sandbox?: string; width?: number} = {}): Promise<Host> {
  const frame = document.createElement('iframe');
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox);
  frame.style.cssText = `width:${width}px;height:2400px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  // A fresh URL each time: each load must get a fresh page (and its own feed outage key).
  frame.src = `/embed/${page}.html?load=${Math.random().toString(36).slice(2)}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as HostWindow;
  const doc = frame.contentDocument!;
  const widgets = [...doc.querySelectorAll<HTMLElement>('*')].filter((el) => el.localName.startsWith('loft-'));
  return {frame, win, doc, widgets};
}

/** Waits until every widget is upgraded and has left its loading state. */
async function ready(host: Host): Promise<void> {
  // A widget rendered inside another (the seed page's card and people) takes tasks of its own
  // for its view after its parent has rendered: the parent's being done is not enough.
  await waitUntil(() => withNested(host.widgets).every(showsContent), 'widgets did not render', {timeout: 8000});
  // Settle: an element may update again a task after its first render (the list's result
  // count is announced on a timer), so wait until a task passes with no update pending.
  let all: HTMLElement[];
  do {
    all = withNested(host.widgets);
    await Promise.all(all.map((el) => (el as any).updateComplete));
    await new Promise((resolve) => host.win.setTimeout(resolve, 0));
  } while (!all.every(showsContent) || all.some((el) => (el as any).isUpdatePending));
}

const showsContent = (widget: HTMLElement) => widget.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false';

/** The widgets, and the running widgets each renders inside it. */
function withNested(widgets: HTMLElement[]): HTMLElement[] {
  const nested = (widget: HTMLElement) =>
    widget.shadowRoot ? [...deep(widget.shadowRoot)].filter((node): node is HTMLElement => isElement(node) && node.localName.startsWith('loft-') && !!node.shadowRoot) : [];
  return widgets.flatMap((widget) => [widget, ...nested(widget)]);
}

/** axe-core's violations in an element of a host page (loaded into the page; its CSP must let a same-origin script in). */
async function axeViolations(host: Host, el: Element): Promise<string[]> {
  const win = host.win as HostWindow & {axe?: any};
  if (!win.axe) {
    const script = host.doc.createElement('script');
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve);
      script.addEventListener('error', reject);
    });
    script.src = '/node_modules/axe-core/axe.min.js';
    host.doc.head.append(script);
    await loaded;
  }
  // The rules that judge a whole page, not a widget (the Storybook smoke test's list).
  const rules = Object.fromEntries(PAGE_LEVEL_AXE_RULES.map((id) => [id, {enabled: false}]));
  const {violations} = await win.axe!.run(el, {rules});
  return violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
}

/** What the page's console would have shown. */
function probe(host: Host): Probe {
  return host.win.__embed ?? {violations: ['probe.js did not run'], errors: []};
}

/** Every node below a root, descending into nested shadow roots. */
function* deep(root: Node): Generator<Node> {
  for (const node of root.childNodes) {
    yield node;
    if (node instanceof (node.ownerDocument!.defaultView as HostWindow).Element && (node as Element).shadowRoot) {
      yield* deep((node as Element).shadowRoot!);
    }
    yield* deep(node);
  }
}

const isElement = (node: Node): node is HTMLElement => node.nodeType === Node.ELEMENT_NODE;
const hiddenOnPurpose = (node: Node) => !!(isElement(node) ? node : node.parentElement)?.closest('.visually-hidden, [aria-hidden="true"]');

/** The text a sighted visitor sees in a widget, one entry per text node with a box. */
function visibleTexts(widget: HTMLElement): string[] {
  const out: string[] = [];
  for (const node of deep(widget.shadowRoot!)) {
    if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim() || hiddenOnPurpose(node)) continue;
    const range = node.ownerDocument!.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) out.push(node.textContent!.trim());
  }
  return out;
}

/** Text nodes of a widget that have no box, or a box outside the widget. */
function hiddenOrClipped(widget: HTMLElement): string[] {
  const host = widget.getBoundingClientRect();
  const out: string[] = [];
  for (const node of deep(widget.shadowRoot!)) {
    if (node.nodeType !== Node.TEXT_NODE || !node.textContent!.trim() || hiddenOnPurpose(node)) continue;
    // A closed <select> draws its chosen option itself: option text never has a box of its own.
    if (node.parentElement?.closest('option')) continue;
    const range = node.ownerDocument!.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) out.push(`"${node.textContent!.trim()}" has no box`);
    else if (box.left < host.left - 1 || box.right > host.right + 1 || box.top < host.top - 1 || box.bottom > host.bottom + 1) {
      out.push(`"${node.textContent!.trim()}" lies outside the widget`);
    }
  }
  // overflow: hidden on the host (hostile.css sets it on *) would clip what overflows it.
  if (widget.scrollHeight > widget.clientHeight + 1 || widget.scrollWidth > widget.clientWidth + 1) out.push('content overflows the widget');
  return out;
}

/** Pairs of sibling elements whose boxes overlap. */
function overlaps(widget: HTMLElement): string[] {
  const out: string[] = [];
  const name = (el: Element) => `${el.localName}${el.className ? '.' + String(el.className).split(' ')[0] : ''}`;
  for (const node of deep(widget.shadowRoot!)) {
    if (!isElement(node) || hiddenOnPurpose(node)) continue;
    const children = [...node.children].filter((c) => !hiddenOnPurpose(c) && c.localName !== 'style');
    for (let i = 1; i < children.length; i++) {
      for (const a of children[i - 1].getClientRects()) {
        for (const b of children[i].getClientRects()) {
          const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (x > 1 && y > 1) out.push(`${name(children[i - 1])} and ${name(children[i])} in ${name(node)} overlap`);
        }
      }
    }
  }
  return out;
}

/** Inherited properties the widgets set themselves (everything but font family, size, colour). */
const OWN_PROPERTIES = [
  'text-transform',
  'white-space',
  'letter-spacing',
  'word-spacing',
  'text-indent',
  'text-align',
  'font-style',
  'font-weight',
  'font-variant-caps',
  'text-shadow',
  'visibility',
  'display',
  'position',
] as const;

/** Per element of a widget's shadow tree: its own typography, plus line height relative to font size. */
function typography(widget: HTMLElement): string[] {
  const out: string[] = [];
  for (const node of deep(widget.shadowRoot!)) {
    if (!isElement(node) || hiddenOnPurpose(node) || node.localName === 'style') continue;
    const style = getComputedStyle(node);
    const lineHeight = style.lineHeight === 'normal' ? 'normal' : (parseFloat(style.lineHeight) / parseFloat(style.fontSize)).toFixed(2);
    out.push(`${node.localName}: ${OWN_PROPERTIES.map((p) => style.getPropertyValue(p)).join(' | ')} | line-height ${lineHeight}`);
  }
  return out;
}

/**
 * WCAG 1.4.12's spacing, as the W3C's text-spacing bookmarklet sets it, put into every shadow
 * root of a widget (nested ones too): a page's own stylesheet cannot reach inside, so this is
 * what a tool that styles each shadow root does. A constructed sheet, which the strict CSP allows.
 */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

function spaceText(host: Host, widget: HTMLElement): void {
  const sheet = new host.win.CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING);
  const roots = [widget.shadowRoot!, ...[...deep(widget.shadowRoot!)].filter(isElement).flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []))];
  for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Boxes of a widget that hold text and are narrower or lower than that text (whatever their overflow does with the rest). */
function cutText(widget: HTMLElement): string[] {
  const out: string[] = [];
  for (const node of deep(widget.shadowRoot!)) {
    if (!isElement(node) || hiddenOnPurpose(node)) continue;
    const text = [...node.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent!.trim()).join(' ').trim();
    if (!text || ['inline', 'contents', 'none'].includes(getComputedStyle(node).display)) continue;
    if (node.scrollWidth > node.clientWidth + 1) out.push(`${node.localName} "${text}": ${node.scrollWidth} px of text in ${node.clientWidth} px`);
    if (node.scrollHeight > node.clientHeight + 1) out.push(`${node.localName} "${text}": ${node.scrollHeight} px high in ${node.clientHeight} px`);
  }
  return out;
}

/** Records every Worker the page starts from now on, and the first message each sends back. */
function watchWorkers(host: Host): {urls: string[]; answers: unknown[]} {
  const seen = {urls: [] as string[], answers: [] as unknown[]};
  const Original = host.win.Worker;
  host.win.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      seen.urls.push(String(url));
      this.addEventListener('message', (e) => seen.answers.push(e.data), {once: true});
    }
  } as typeof Worker;
  return seen;
}

/** The test receiver's minimum fill time (test/server/receiver.mjs) plus a margin. */
const FILL_TIME = 700;

/** Fills in the contact form's required fields as a visitor would, waits the fill time and sends it. */
async function submitContactForm(form: HTMLElement, email: string): Promise<void> {
  const root = form.shadowRoot!;
  const values: Record<string, string> = {name: 'Alva Andersson', email, message: 'Hej! Jag vill veta mer om projektet.'};
  for (const [name, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`#f-${name}`)!;
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  }
  await aTimeout(FILL_TIME);
  root.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  await waitUntil(() => root.querySelector('.sent'), 'the form was not sent', {timeout: 8000});
  await (form as any).updateComplete;
}

describe('host pages with the built CDN bundle', () => {
  it('render under a strict CSP with Trusted Types, with no violation and no error', async () => {
    const host = await open('strict-csp');
    expect(host.widgets.length, 'widgets on the page').to.be.greaterThan(0);
    await ready(host);
    for (const widget of host.widgets) {
      expect(host.win.customElements.get(widget.localName), widget.localName).to.be.a('function');
      expect(visibleTexts(widget), `${widget.id} shows text`).not.to.be.empty;
    }
    const card = host.doc.querySelector('#card-src')!;
    expect(visibleTexts(card as HTMLElement)).to.include.members(['Sammanfattning', 'Projektnamn', 'LOFT', 'Pågående']);
    const inline = host.doc.querySelector('#card-inline') as HTMLElement;
    expect(visibleTexts(inline)).to.include.members(['Nybygget', 'Avslutat']);
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('really enforce the policy (a canary: the probe sees a violation, Trusted Types refuse a string)', async () => {
    const host = await open('strict-csp');
    await ready(host);
    const canary = host.doc.createElement('p');
    canary.setAttribute('style', 'color: red');
    host.doc.body.append(canary);
    await waitUntil(() => probe(host).violations.length > 0, 'no securitypolicyviolation for an inline style attribute');
    expect(probe(host).violations[0]).to.match(/^style-src/);
    if ('trustedTypes' in host.win) {
      expect(() => {
        host.doc.createElement('div').innerHTML = '<b>not trusted</b>';
      }).to.throw();
    }
  });

  it('recover from a failed feed under the strict CSP (the retry button works)', async () => {
    const host = await open('strict-csp');
    await ready(host);
    const card = host.doc.querySelector('#card-error') as HTMLElement;
    const button = card.shadowRoot!.querySelector<HTMLButtonElement>('[part="error"] button');
    expect(button, 'retry button').to.exist;
    await fetch(card.getAttribute('src')!.replace('/outage', '/repair'));
    button!.click();
    await waitUntil(() => visibleTexts(card).includes('Pågående'), 'the retry did not load the feed');
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('take a contact-form submission under the strict CSP: the ALTCHA runs in the worker, the receiver accepts it', async () => {
    const host = await open('strict-csp');
    await ready(host);
    const workers = watchWorkers(host);
    const form = host.doc.querySelector('#contact') as HTMLElement;
    const address = `embed-${Math.random().toString(36).slice(2)}@example.org`;
    const submitted: number[] = [];
    form.addEventListener('loft-submitted', (e) => submitted.push((e as CustomEvent).detail.status));
    await submitContactForm(form, address);
    expect(submitted).to.deep.equal([201]);
    expect(visibleTexts(form).join(' ')).to.contain(`Vi svarar dig via e-post på ${address}.`);
    // Stored by the real receiver, which accepts the message only with a valid, unused ALTCHA solution.
    const rows: any[] = await (await fetch('/test-receiver/submissions')).json();
    expect(rows.filter((row) => row.email === address).map((row) => row.form)).to.deep.equal(['rise-contact']);
    // The proof of work ran in the module worker beside the bundle (worker-src 'self'), not on the main thread.
    expect(workers.urls.map((url) => new URL(url).pathname)).to.deep.equal(['/dist/cdn/chunks/altcha-worker.js']);
    expect(workers.answers.length, 'the worker answered').to.equal(1);
    expect(workers.answers[0], 'the worker found the number').to.be.a('number');
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('take a contact-form submission on a page whose Trusted Types allow only lit-html (the ALTCHA falls back to the main thread)', async () => {
    const host = await open('lit-only');
    await ready(host);
    const workers = watchWorkers(host);
    const form = host.doc.querySelector('#contact') as HTMLElement;
    const address = `embed-${Math.random().toString(36).slice(2)}@example.org`;
    await submitContactForm(form, address);
    const rows: any[] = await (await fetch('/test-receiver/submissions')).json();
    expect(rows.filter((row) => row.email === address)).to.have.length(1);
    const {violations, errors} = probe(host);
    expect(errors).to.deep.equal([]);
    if ('trustedTypes' in host.win) {
      // createPolicy('loft-altcha') is refused: the browser reports it once, no worker starts;
      // so is createPolicy('loft-jsonld'): the project's JSON-LD is left out, nothing else changes.
      expect(workers.urls).to.deep.equal([]);
      await waitUntil(() => probe(host).violations.length === 2, 'both policies were not refused once each', {timeout: 4000});
      expect(violations.every((v) => /^trusted-types/.test(v))).to.be.true;
      expect(host.doc.querySelector('#project > script[type="application/ld+json"]')).to.equal(null);
    } else {
      // Without Trusted Types support the header's trusted-types directives do nothing.
      expect(workers.urls).to.have.length(1);
      expect(violations).to.deep.equal([]);
    }
  });

  it('keep their layout under hostile global CSS (only font family, size and colour come from the page)', async () => {
    const clean = await open('strict-csp');
    const hostile = await open('hostile');
    await ready(clean);
    await ready(hostile);
    expect(hostile.widgets.map((w) => w.id)).to.deep.equal(clean.widgets.map((w) => w.id));
    hostile.widgets.forEach((widget, i) => {
      const reference = clean.widgets[i];
      expect(visibleTexts(widget), `${widget.id}: visible text`).to.deep.equal(visibleTexts(reference));
      expect(hiddenOrClipped(widget), `${widget.id}: hidden or clipped`).to.deep.equal([]);
      expect(overlaps(widget), `${widget.id}: overlapping boxes`).to.deep.equal([]);
      expect(typography(widget), `${widget.id}: typography`).to.deep.equal(typography(reference));
      // By design the page's font does reach the widget.
      const base = widget.shadowRoot!.querySelector('[part="base"]')!;
      expect(getComputedStyle(base).fontFamily).to.contain('DejaVu Serif');
    });
    expect(probe(hostile)).to.deep.equal({violations: [], errors: []});
  });

  it('keep the list role of every list drawn without markers (Safari drops it unless role="list" says so)', async () => {
    const host = await open('strict-csp');
    await ready(host);
    const unmarked = host.widgets.flatMap((widget) =>
      [...deep(widget.shadowRoot!)].filter(isElement).filter((el) => ['ul', 'ol'].includes(el.localName) && getComputedStyle(el).listStyleType === 'none')
    );
    const name = (el: Element) => `${el.localName}.${el.className}`;
    // The card's partners, the people and their roles, the list's cards (and the same nested in <loft-project>).
    expect([...new Set(unmarked.map(name))].sort()).to.deep.equal(['ul.partners', 'ul.people', 'ul.projects', 'ul.roles']);
    expect(unmarked.filter((el) => el.getAttribute('role') !== 'list').map(name)).to.deep.equal([]);
  });

  for (const width of [320, 1024]) {
    it(`keep every text whole with WCAG 1.4.12 text spacing in a ${width} px window (line height 1.5, paragraphs 2em, letters 0.12em, words 0.16em)`, async () => {
      const host = await open('strict-csp', {width});
      await ready(host);
      // A contact panel open too: its form is nested two shadow roots deep, in a narrower box.
      const members = host.doc.querySelector('#members') as HTMLElement;
      members.shadowRoot!.querySelector<HTMLButtonElement>('button.contact')!.click();
      await waitUntil(() => members.shadowRoot!.querySelector('loft-contact-form')?.shadowRoot?.querySelector('form'), 'the contact panel did not open');
      const before = host.widgets.map((widget) => visibleTexts(widget));
      for (const widget of host.widgets) spaceText(host, widget);
      const panelForm = members.shadowRoot!.querySelector('loft-contact-form')!;
      expect(getComputedStyle(panelForm.shadowRoot!.querySelector('label')!).letterSpacing, 'the spacing reached the nested form').not.to.equal('normal');
      host.widgets.forEach((widget, i) => {
        expect(visibleTexts(widget), `${widget.id}: visible text`).to.deep.equal(before[i]);
        expect(hiddenOrClipped(widget), `${widget.id}: hidden or clipped`).to.deep.equal([]);
        expect(cutText(widget), `${widget.id}: text cut off in its box`).to.deep.equal([]);
        expect(overlaps(widget), `${widget.id}: overlapping boxes`).to.deep.equal([]);
      });
      expect(host.doc.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(width);
      expect(probe(host)).to.deep.equal({violations: [], errors: []});
    });
  }

  it('work when the snippet is pasted twice (the module runs twice, the first definition wins)', async () => {
    const host = await open('twice');
    await ready(host);
    const loaded = host.win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.some((url) => url.endsWith('/dist/cdn/loft-widgets.js?v=2')), 'second copy requested').to.be.true;
    for (const widget of host.widgets) {
      expect(widget).to.be.instanceOf(host.win.customElements.get(widget.localName)!);
      expect(visibleTexts(widget)).not.to.be.empty;
    }
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('work with an older copy of the bundle loaded first (its definitions win)', async () => {
    const host = await open('older-first');
    await ready(host);
    for (const widget of host.widgets) {
      expect((host.win.customElements.get(widget.localName) as any).loftCopy, widget.localName).to.equal('older');
      expect(visibleTexts(widget)).not.to.be.empty;
    }
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('work with an older copy of the bundle loaded second (the current definitions win)', async () => {
    const host = await open('older-second');
    await ready(host);
    // Module scripts run before the load event that open() waits for, so both copies have run.
    expect(host.win.performance.getEntriesByType('resource').some((e) => e.name.includes('/bundles/older/')), 'older copy requested').to.be.true;
    for (const widget of host.widgets) {
      expect((host.win.customElements.get(widget.localName) as any).loftCopy, widget.localName).to.equal(undefined);
      expect(visibleTexts(widget)).not.to.be.empty;
    }
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('all switch language when the page changes <html lang> after load', async () => {
    const host = await open('strict-csp');
    await ready(host);
    const swedish = host.widgets.map((w) => visibleTexts(w).join(' '));
    host.doc.documentElement.lang = 'en';
    await waitUntil(() => visibleTexts(host.doc.querySelector('#card-src') as HTMLElement).includes('Summary'), 'no English');
    await Promise.all(host.widgets.map((el) => (el as any).updateComplete));
    const english = host.widgets.map((w) => visibleTexts(w).join(' '));
    host.widgets.forEach((widget, i) => {
      expect(english[i], widget.id).not.to.equal(swedish[i]);
      expect(english[i], widget.id).not.to.match(/Sammanfattning|Projektnamn|Försök igen/);
    });
    host.doc.documentElement.lang = 'fi';
    // Finnish loads lazily (a chunk beside the bundle, allowed by script-src 'self').
    await waitUntil(() => visibleTexts(host.doc.querySelector('#card-src') as HTMLElement).includes('Yhteenveto'), 'no Finnish');
    await Promise.all(host.widgets.map((el) => (el as any).updateComplete));
    host.widgets.forEach((widget, i) => {
      const finnish = visibleTexts(widget).join(' ');
      expect(finnish, widget.id).not.to.equal(swedish[i]);
      expect(finnish, widget.id).not.to.equal(english[i]);
    });
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('work from the single-file build alone, uploaded to a CMS file archive', async () => {
    const host = await open('single-file');
    await ready(host);
    for (const widget of host.widgets) expect(visibleTexts(widget), widget.localName).not.to.be.empty;
    const scripts = host.win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js'));
    expect(scripts.filter((p) => p.startsWith('/uploads/'))).to.deep.equal(['/uploads/single/loft-widgets.single.js']);
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('say which file is missing when only loft-widgets.js was uploaded, and keep the fallback content', async () => {
    const host = await open('only-entry');
    const consoleErrors = () => (host.win as unknown as {__consoleErrors: string[]}).__consoleErrors;
    await waitUntil(() => consoleErrors().length > 0, 'no console error about a missing file', {timeout: 8000});
    // Named: the path of the chunk that could not be loaded, and what to upload.
    expect(consoleErrors()[0]).to.contain('/uploads/only-entry/chunks/').and.to.contain('loft-widgets.single.js');
    for (const widget of host.widgets) {
      expect(host.win.customElements.get(widget.localName), widget.localName).to.equal(undefined);
      // The editor's fallback link, not a claim that the feed is broken.
      const link = widget.querySelector('a');
      if (link) expect(link.getBoundingClientRect().height, widget.localName).to.be.greaterThan(0);
    }
    expect(host.doc.body.textContent).not.to.contain('Informationen har en form som inte kan visas');
  });

  it('say in the contact panel that a file is missing when the contact form’s chunk was not uploaded, with focus shown on the panel', async () => {
    const host = await open('no-form');
    await ready(host);
    const members = host.doc.querySelector('#members') as HTMLElement;
    const root = members.shadowRoot!;
    const button = root.querySelector<HTMLButtonElement>('button.contact')!;
    button.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => root.querySelector('.panel [role="alert"]'), 'no message in the panel');
    const panel = root.querySelector<HTMLElement>('.panel')!;
    expect(root.querySelector('.panel [role="alert"]')!.textContent!.trim()).to.equal('En fil som hör till den här widgeten kunde inte hämtas.');
    expect(root.activeElement === panel, 'focus stays on the panel').to.be.true;
    const ring = () => {
      const style = host.win.getComputedStyle(panel);
      return `${style.outlineStyle} ${parseFloat(style.outlineWidth)}px`;
    };
    expect(ring(), 'the focused panel shows its focus').to.equal('solid 3px');
    // Forced colours keep the outline (where the browser can emulate them here: Chromium).
    if (await executeServerCommand<boolean, {active: boolean}>('forced-colors', {active: true})) {
      try {
        expect(host.win.matchMedia('(forced-colors: active)').matches).to.be.true;
        expect(ring(), 'in forced colours').to.equal('solid 3px');
      } finally {
        await executeServerCommand('forced-colors', {active: false});
      }
    }
    // The editor is told in the console, as the loader tells them; no unhandled rejection.
    const consoleErrors: string[] = (host.win as unknown as {__consoleErrors: string[]}).__consoleErrors;
    expect(consoleErrors.join('\n')).to.contain('<loft-member-list>: a file of the widget could not be loaded').and.to.contain('chunks/ included');
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
    expect(await axeViolations(host, members)).to.deep.equal([]);
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !root.querySelector('.panel'), 'Escape did not close the panel');
    expect(root.activeElement === button, 'focus back on the button').to.be.true;
  });

  it('ask for an element’s code, its strings and its feed at once, and for each file once (the loader’s URL with ?ver= too)', async () => {
    const host = await open('slow-chunks');
    await ready(host);
    expect(visibleTexts(host.widgets[0])).to.include('LOFT');
    const requests = host.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const named = (pattern: RegExp) => requests.filter((r) => pattern.test(new URL(r.name).pathname + new URL(r.name).search));
    // Each chunk arrives 400 ms after it is asked for: what waited for the element's chunk,
    // or for the code it imports, to arrive and run would be asked for only after that.
    const [card] = named(/\/chunks\/project-card-/);
    for (const pattern of [/\/chunks\/define-/, /\/chunks\/project-card\.styles-/, /\/chunks\/sv\.core-/, /\/chunks\/sv\.project-/, /loft\.feed\.json\?slow-chunks$/]) {
      const found = named(pattern);
      expect(found, String(pattern)).to.have.length(1);
      expect(found[0].startTime, `${pattern} asked for with the element's chunk`).to.be.lessThan(card.responseEnd);
    }
    // Chunks never import the loader itself: a second copy of it would be loaded at its bare URL.
    expect(named(/\/loft-widgets\.js/).map((r) => new URL(r.name).search)).to.deep.equal(['?ver=3']);
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  // The first Intl.DateTimeFormat on a page sets up Intl's date data: one task of 35–80 ms in Chromium on a slow machine.
  it('set up Intl’s dates while the files arrive for a feed with dates shown, and never for one without or not shown', async () => {
    type Made = {timeZone?: string; at: number};
    const made = (host: Host) => (host.win as HostWindow & {__dateFormats: Made[]}).__dateFormats;
    const dated = await open('slow-dates');
    await ready(dated);
    const [compact, summary, long] = dated.widgets;
    // A compact card asked for the feed first: the summary card's dates were still looked for in it.
    expect(visibleTexts(compact)).to.include('Nya e-tjänster');
    expect(visibleTexts(summary).join(' ')).to.match(/januari 2024/);
    // The loader read the start of the 300 KB feed (a copy of the response) to look for dates: its card still has all of it.
    expect(visibleTexts(long)).to.include('LOFT');
    expect(probe(dated)).to.deep.equal({violations: [], errors: []});
    expect(made(dated).some((m) => m.timeZone === 'UTC'), 'the card’s own, made as it renders: in UTC, so a date is the feed’s date anywhere').to.equal(true);
    // Where the page can say when it is idle (not WebKit): the loader's first, before the card's code arrived.
    if ('requestIdleCallback' in dated.win) {
      const [first] = made(dated);
      expect(first.timeZone, 'the first date format made').to.equal(undefined);
      const chunk = (dated.win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => /\/chunks\/project-card-/.test(r.name))!;
      expect(first.at, 'made before the card’s code arrived').to.be.lessThan(chunk.responseEnd);
    }

    const plain = await open('slow-chunks');
    await ready(plain);
    await aTimeout(300);
    expect(visibleTexts(plain.widgets[0])).to.include('LOFT');
    expect(made(plain), 'date formats made on a page that shows no date').to.deep.equal([]);

    // A feed with dates, shown by a list and a compact card: neither shows a date.
    const undated = await open('slow-undated');
    await ready(undated);
    await aTimeout(300);
    for (const widget of undated.widgets) expect(visibleTexts(widget), widget.localName).to.include('Nya e-tjänster');
    expect(probe(undated)).to.deep.equal({violations: [], errors: []});
    expect(made(undated), 'date formats made for a list and a compact card').to.deep.equal([]);
  });

  it('run when pinned with Subresource Integrity: the entry by its hash, the chunks by the import map', async () => {
    const host = await open('sri');
    await ready(host);
    for (const widget of host.widgets) expect(visibleTexts(widget), widget.localName).not.to.be.empty;
    expect(probe(host)).to.deep.equal({violations: [], errors: []});
  });

  it('do not run when the entry file is not the one its hash pins', async () => {
    const host = await open('sri-tampered');
    await aTimeout(1500);
    for (const widget of host.widgets) expect(host.win.customElements.get(widget.localName), widget.localName).to.equal(undefined);
  });

  it('show the editor’s fallback content when JavaScript is off', async () => {
    const host = await open('strict-csp', {sandbox: 'allow-same-origin'});
    for (const widget of host.widgets) {
      expect(widget.shadowRoot, `${widget.id} stayed a plain element`).to.equal(null);
      const link = widget.querySelector('a')!;
      const box = link.getBoundingClientRect();
      expect(box.width > 0 && box.height > 0, `${widget.id}: fallback link visible`).to.be.true;
      expect(widget.getBoundingClientRect().height, `${widget.id}: not an empty box`).to.be.greaterThan(0);
    }
  });

  it('reserve no space for a widget when JavaScript is off (the demo page’s reservation CSS)', async () => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin');
    frame.style.cssText = 'width:1024px;height:800px;border:0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
    frame.src = '/demo/index.html';
    document.body.append(frame);
    frames.push(frame);
    await loaded;
    const project = frame.contentDocument!.querySelector('loft-project')!;
    await waitUntil(() => frame.contentDocument!.styleSheets.length > 0, 'demo.css did not load');
    // The fallback heading and link, not the 94em a running page reserves for the widget.
    expect(project.getBoundingClientRect().height).to.be.lessThan(200);
  });
});
