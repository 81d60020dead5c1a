/**
 * The reference server's embed page (`/embed/<element>`, server/embed.mjs) framed as CMSs frame
 * it: under its own CSP, in WordPress's sandbox with WordPress's height messages, and by the
 * resizer docs/embed/README.md gives other hosts (read from the doc, so it cannot drift). The
 * server's own handler is mounted in the test server (test/server/reference-embed.mjs), which
 * also collects CSP reports and requests from opaque origins: a sandboxed frame cannot be
 * looked into.
 */
import {aTimeout, expect, waitUntil} from '@open-wc/testing';

const PAGE = '/embed/loft-project?src=/demo/feeds/loft.feed.json&project=loft&lang=sv';

const frames: HTMLIFrameElement[] = [];
const listeners: ((event: MessageEvent) => void)[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  for (const listener of listeners.splice(0)) removeEventListener('message', listener);
});

const newKey = () => Math.random().toString(36).slice(2);

/** Frames `src` (its messages to this page collected from the start) and waits for it to load. */
async function frame(src: string, {sandbox, width = 560}: {sandbox?: string; width?: number} = {}) {
  const element = document.createElement('iframe');
  if (sandbox !== undefined) element.setAttribute('sandbox', sandbox);
  element.style.cssText = `width:${width}px;height:900px;border:0;display:block`;
  const messages: any[] = [];
  const listener = (event: MessageEvent) => {
    if (event.source === element.contentWindow) messages.push(event.data);
  };
  addEventListener('message', listener);
  listeners.push(listener);
  const loaded = new Promise((resolve) => element.addEventListener('load', resolve, {once: true}));
  element.src = src;
  document.body.append(element);
  frames.push(element);
  await loaded;
  return {element, messages};
}

const reportsFor = async (key: string): Promise<unknown[]> => (await fetch(`/test-embed/reports?key=${key}`)).json();

/** Waits for the page's own widget to be hydrated (a frame of this origin, not sandboxed). */
async function hydrated(element: HTMLIFrameElement) {
  const widget = () => element.contentDocument?.querySelector('loft-project') as (HTMLElement & {hasUpdated?: boolean}) | null;
  await waitUntil(() => widget()?.hasUpdated && widget()!.shadowRoot!.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', 'the embed page did not hydrate its widget', {timeout: 8000});
  return widget()!;
}

/**
 * Zero CSP reports for `key`, once a page with the same policy but without its style hashes
 * (`broken`) has had its reports delivered: proof that reports arrive at all in this engine.
 */
async function expectNoReports(key: string, broken: string) {
  await waitUntil(async () => (await reportsFor(broken)).length > 0, 'the page without its style hashes reported nothing: no report can arrive', {timeout: 8000});
  await aTimeout(500);
  expect(await reportsFor(key)).to.deep.equal([]);
}

describe('the embed page', () => {
  it('shows and hydrates its widget under its own CSP with no violation', async () => {
    const [key, broken] = [newKey(), newKey()];
    const {element} = await frame(`${PAGE}&report=${key}`);
    await frame(`${PAGE}&report=${broken}&break-csp=1`);
    const widget = await hydrated(element);
    expect(widget.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.equal('LOFT – Leda och organisera förnyelse och transformation');
    await expectNoReports(key, broken);
  });

  it("renders in WordPress's sandbox (allow-scripts only), where its bundle and feed are cross-origin requests, with no violation", async () => {
    const [key, broken] = [newKey(), newKey()];
    const since = Date.now();
    const {messages} = await frame(`${PAGE}&report=${key}#?secret=Wp3ecret`, {sandbox: 'allow-scripts'});
    await frame(`${PAGE}&report=${broken}&break-csp=1#?secret=Wp3ecret`, {sandbox: 'allow-scripts'});
    // The whole project page laid out (its height), and its bundle running: the widget fetched its feed.
    await waitUntil(() => messages.some((m) => m.value > 1500), 'no height of a laid-out project page', {timeout: 8000});
    await waitUntil(
      async () => {
        const requests: {path: string; status: number}[] = await (await fetch(`/test-embed/requests?since=${since}`)).json();
        return requests.some((r) => r.path === '/demo/feeds/loft.feed.json' && r.status === 200) && requests.some((r) => r.path === '/dist/cdn/loft-widgets.js');
      },
      'the sandboxed page did not load its bundle and feed',
      {timeout: 8000}
    );
    await expectNoReports(key, broken);
  });

  it("posts WordPress's height message with the secret from its URL, and again when WordPress says it is ready", async () => {
    const {element, messages} = await frame(`${PAGE}#?secret=Wp3ecret`, {sandbox: 'allow-scripts'});
    await waitUntil(() => messages.length, 'no height message', {timeout: 8000});
    await aTimeout(1000);
    for (const message of messages) {
      expect(Object.keys(message).sort()).to.deep.equal(['message', 'secret', 'value']);
      expect(message).to.include({message: 'height', secret: 'Wp3ecret'});
      expect(message.value).to.be.a('number').above(1500);
    }
    const before = messages.length;
    // What wp-embed sends each embed it finds; one with another embed's secret is not for this page.
    element.contentWindow!.postMessage({message: 'ready', secret: 'other1'}, '*');
    await aTimeout(500);
    expect(messages.length, 'answered a ready with another secret').to.equal(before);
    element.contentWindow!.postMessage({message: 'ready', secret: 'Wp3ecret'}, '*');
    await waitUntil(() => messages.length > before, 'no answer to ready', {timeout: 3000});
    expect(messages[before]).to.deep.equal({message: 'height', value: messages[before - 1].value, secret: 'Wp3ecret'});
  });

  it('posts its height without a secret when its URL has none', async () => {
    const {messages} = await frame(PAGE, {sandbox: 'allow-scripts'});
    await waitUntil(() => messages.length, 'no height message', {timeout: 8000});
    expect(messages[0]).to.have.keys(['message', 'value']);
    expect(messages[0].message).to.equal('height');
  });

  it('is resized to its content by the lines docs/embed gives other hosts', async () => {
    // The doc's snippet, as an editor copies it, on a host page of its own (the embed server's
    // origin is this test server's).
    const doc = await (await fetch('/docs/embed/README.md')).text();
    const snippet = [...doc.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]).find((block) => block.includes("addEventListener('message'"));
    expect(snippet, 'docs/embed/README.md has no resizer snippet').to.be.a('string');
    const host = document.createElement('iframe');
    host.style.cssText = 'width:640px;height:3200px;border:0;display:block';
    const loaded = new Promise((resolve) => host.addEventListener('load', resolve, {once: true}));
    host.srcdoc = `<!doctype html><html lang="sv"><body style="margin:0">${snippet!.replaceAll('https://widgets.example.org', location.origin)}</body></html>`;
    document.body.append(host);
    frames.push(host);
    await loaded;
    expect(snippet).to.include('height="1600"');
    const embed = host.contentDocument!.getElementById('loft') as HTMLIFrameElement;
    await waitUntil(() => embed.contentDocument?.querySelector('loft-project'), 'the embed page did not load', {timeout: 8000});
    await hydrated(embed);
    const content = () => Math.ceil(embed.contentDocument!.documentElement.getBoundingClientRect().height);
    await waitUntil(() => embed.height === String(content()), `the frame is ${embed.height} px high for ${content()} px of content`, {timeout: 5000});
    expect(content()).to.be.above(1600);
    // Nothing to scroll inside the frame.
    expect(embed.contentDocument!.documentElement.scrollHeight).to.be.at.most(embed.clientHeight);
  });
});
