/**
 * The contact form as a visitor's hand and ears meet it: the first click or tap on the send
 * button always does something, nothing is announced while they only move into a field,
 * the error summary is announced once per submit, and the member list's panel reads clearly.
 */
import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys, sendMouse} from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import type {LoftContactForm} from '../src/elements/contact-form/contact-form.js';
import type {LoftMemberList} from '../src/elements/member-list/member-list.js';
import {referenceFeed, setPageLang, settled, textOf} from './helpers/fixtures.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const submitButton = (el: LoftContactForm) => root(el).querySelector<HTMLButtonElement>('[part="submit"]')!;

/** The centre of an element, in viewport coordinates. */
function centre(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
}

/**
 * What screen readers would announce below a root: each new text of a live region
 * (role=status/alert, aria-live), whether its text changed or it was inserted with text.
 */
function announcements(of: ShadowRoot): {said: string[]; stop: () => void} {
  const said: string[] = [];
  const last = new WeakMap<Element, string>();
  const LIVE = '[role="status"], [role="alert"], [aria-live]';
  const regions = (node: Node): Element[] => {
    const element = node instanceof Element ? node : node.parentElement;
    if (!element) return [];
    const around = element.closest(LIVE);
    return around ? [around] : [...element.querySelectorAll(LIVE)];
  };
  const observer = new MutationObserver((records) => {
    const touched = new Set<Element>();
    for (const record of records) {
      for (const region of regions(record.target)) touched.add(region);
      for (const node of record.addedNodes) for (const region of regions(node)) touched.add(region);
    }
    for (const region of touched) {
      const text = region.textContent!.replace(/\s+/g, ' ').trim();
      if (region.isConnected && text && text !== last.get(region)) said.push(text);
      last.set(region, text);
    }
  });
  observer.observe(of, {subtree: true, childList: true, characterData: true});
  return {said, stop: () => observer.disconnect()};
}

/** A form that asks for the ALTCHA proof of work, as the reference feed's does. */
async function captchaForm(): Promise<LoftContactForm> {
  const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda-sundberg" project="loft"></loft-contact-form>`);
  await settled(el);
  return el;
}

describe('<loft-contact-form> in the hand', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('a real mouse click on "Skicka" before any field is touched shows the error summary: nothing moves under the pointer', async () => {
    const el = await captchaForm();
    const button = submitButton(el);
    button.scrollIntoView({block: 'center'});
    // Pressing the button is the form's first interaction: it starts the spam check, and
    // nothing above the button may move between press and release, or the click is lost.
    await sendMouse({type: 'click', position: centre(button)});
    await waitUntil(() => root(el).querySelector('.summary'), 'the first click did nothing');
    expect(root(el).activeElement).to.equal(root(el).querySelector('.summary'));
    await sendMouse({type: 'move', position: [0, 0]});
  });

  it('a touch tap on "Skicka" before any field is touched shows the error summary', async function () {
    const el = await captchaForm();
    const button = submitButton(el);
    button.scrollIntoView({block: 'center'});
    const [x, y] = centre(button);
    const tapped = await executeServerCommand<boolean, {x: number; y: number}>('tap', {x, y});
    // WebKit's WebDriver has no touchscreen here: the mouse test above covers it.
    if (!tapped) this.skip();
    await waitUntil(() => root(el).querySelector('.summary'), 'the first tap did nothing');
  });

  it('says nothing while the visitor moves into a field, though the spam check starts and finishes', async () => {
    const el = await captchaForm();
    const heard = announcements(root(el));
    const name = root(el).querySelector<HTMLInputElement>('#f-name')!;
    name.focus();
    await sendKeys({type: 'Alva'});
    // Long enough for the (small, test-sized) proof of work to be fetched and solved.
    await aTimeout(1500);
    heard.stop();
    expect(heard.said).to.deep.equal([]);
  });

  it('sending before the spam check is done says so once, politely, below the button', async () => {
    const el = await captchaForm();
    const heard = announcements(root(el));
    for (const [name, value] of Object.entries({name: 'Alva Andersson', email: 'alva@example.org', message: 'Hej!'})) {
      const input = root(el).querySelector<HTMLInputElement>(`#f-${name}`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    }
    // Sent at once, before the proof of work can be done (and before the minimum fill time,
    // which the receiver then answers: the visitor is told to wait and send again).
    submitButton(el).click();
    await waitUntil(() => root(el).querySelector('.summary, .sent, .failure'), 'no outcome', {timeout: 8000});
    heard.stop();
    const status = root(el).querySelector('[role="status"].status')!;
    // Below the button: it cannot push the button away.
    expect(submitButton(el).compareDocumentPosition(status) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(heard.said.filter((s) => s.startsWith('Automatisk skräppostkontroll'))).to.have.length(1);
  });

  it('the error summary takes focus once, is not announced again while fields are fixed, and axe finds nothing, not even incomplete', async () => {
    const el = await captchaForm();
    submitButton(el).click();
    await waitUntil(() => root(el).querySelector('.summary'));
    await el.updateComplete;
    const summary = root(el).querySelector('.summary')!;
    expect(root(el).activeElement).to.equal(summary);
    const heard = announcements(root(el));
    const name = root(el).querySelector<HTMLInputElement>('#f-name')!;
    name.focus();
    await sendKeys({type: 'Alva Andersson'});
    await el.updateComplete;
    heard.stop();
    // The field's own error went away; the summary keeps its list until the next submit.
    expect(root(el).querySelector('#e-name')).to.equal(null);
    expect(heard.said).to.deep.equal([]);
    expect(textOf(summary)).to.contain('Namn saknas');
    const axe = (window as unknown as {axe: {run(context: Element): Promise<{violations: unknown[]; incomplete: {id: string}[]}>}}).axe;
    const result = await axe.run(el);
    expect(result.violations).to.deep.equal([]);
    expect(result.incomplete.map((r) => r.id)).not.to.include('aria-prohibited-attr');
    // A second submit with errors left: a new summary, announced again.
    const again = announcements(root(el));
    submitButton(el).click();
    await waitUntil(() => again.said.length > 0, 'the second summary was not announced');
    again.stop();
  });
});

describe('<loft-member-list> contact panel in the hand', () => {
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('shows whether a panel is open, and sets "Stäng" well apart from "Skicka"', async () => {
    const el = await fixture<LoftMemberList>(html`<loft-member-list .data=${await referenceFeed()} project="loft"></loft-member-list>`);
    await settled(el);
    const button = root(el).querySelector<HTMLButtonElement>('button.contact')!;
    const chevron = button.querySelector('.chevron')!;
    const closed = getComputedStyle(chevron).transform;
    button.click();
    const form = await waitUntil(() => root(el).querySelector('[part="panel"] loft-contact-form')).then(() => root(el).querySelector<LoftContactForm>('[part="panel"] loft-contact-form')!);
    await settled(form);
    expect(getComputedStyle(chevron).transform, 'the chevron turns when the panel opens').not.to.equal(closed);
    const send = submitButton(form).getBoundingClientRect();
    const close = [...root(el).querySelectorAll<HTMLButtonElement>('[part="panel"] button')].at(-1)!;
    expect(textOf(close)).to.equal('Stäng');
    expect(close.getBoundingClientRect().top - send.bottom, 'space between "Skicka" and "Stäng"').to.be.greaterThan(32);
    expect(root(el).querySelectorAll('[part="panel"] [role="heading"]')).to.have.length(0);
  });
});
