import {aTimeout, expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import type {LoftContactForm} from '../src/elements/contact-form/contact-form.js';
import type {LoftErrorEvent, LoftSubmitErrorEvent, LoftSubmitEvent, LoftSubmittedEvent} from '../src/events/events.js';
import {collect, exempelbyFeed, referenceFeed, requestCount, setPageLang, settled, textOf, uniqueKey} from './helpers/fixtures.js';

/** The test receiver's minimum fill time (test/server/receiver.mjs) plus a margin. */
const FILL_TIME = 700;

const root = (el: LoftContactForm) => el.shadowRoot!;
const control = (el: LoftContactForm, id: string) => root(el).querySelector<HTMLInputElement>(`#${id}`)!;
const submitButton = (el: LoftContactForm) => root(el).querySelector<HTMLButtonElement>('[part="submit"]')!;
const active = (el: LoftContactForm) => root(el).activeElement as HTMLElement | null;

/** Types a value the way an input event reports it. */
function fill(el: LoftContactForm, name: string, value: string): void {
  const input = control(el, `f-${name}`);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

function fillRequired(el: LoftContactForm, email: string): void {
  fill(el, 'name', 'Alva Andersson');
  fill(el, 'email', email);
  fill(el, 'message', 'Hej! Jag vill veta mer om projektet.');
}

/** Requests the page made since `since` (resource timing, any origin). */
function requestsSince(since: number, part = ''): PerformanceResourceTiming[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.startTime >= since && e.name.includes(part));
}

/** What the real receiver stored for an e-mail address (`expiring`: the one whose challenges expire in seconds). */
async function stored(email: string, receiver: 'main' | 'expiring' = 'main'): Promise<any[]> {
  const rows: any[] = await (await fetch(`/test-receiver/submissions?receiver=${receiver}`)).json();
  return rows.filter((row) => row.email === email);
}

/** Longer than a challenge of the receiver under /expiring/ lives (3 s: test/server/receiver.mjs). */
const CHALLENGE_EXPIRED = 3500;

/** The reference feed with its form on the receiver whose challenges expire in seconds. */
async function onExpiringReceiver(endpoint = '/expiring/api/contact'): Promise<Record<string, any>> {
  const feed = await withEndpoint(endpoint);
  feed.contactForms[0].captcha.challengeUrl = '/expiring/api/altcha-challenge';
  return feed;
}

async function sent(el: LoftContactForm): Promise<void> {
  await waitUntil(() => root(el).querySelector('.sent'), 'the form was not sent', {timeout: 8000});
  await el.updateComplete;
}

/** Sends, and waits for the confirmation: one loft-submitted (201), no loft-submit-error. */
async function sendAccepted(el: LoftContactForm): Promise<void> {
  const errors = collect<LoftSubmitErrorEvent>('loft-submit-error');
  const submitted = collect<LoftSubmittedEvent>('loft-submitted');
  submitButton(el).click();
  await sent(el);
  errors.stop();
  submitted.stop();
  expect(errors.events.map((e) => e.detail)).to.deep.equal([]);
  expect(submitted.events.map((e) => e.detail.status)).to.deep.equal([201]);
}

/** Fills Exempelby's public-task form (its subject is required), sends it, and gives what the receiver stored. */
async function sendKommunKontakt(el: LoftContactForm): Promise<any> {
  const address = email();
  fillRequired(el, address);
  fill(el, 'subject', 'Parkering');
  await aTimeout(FILL_TIME);
  await sendAccepted(el);
  const [row] = await stored(address);
  return row;
}

async function summary(el: LoftContactForm): Promise<void> {
  await waitUntil(() => root(el).querySelector('.summary'), 'no error summary', {timeout: 8000});
  await el.updateComplete;
}

async function failed(el: LoftContactForm): Promise<void> {
  await waitUntil(() => root(el).querySelector('.failure'), 'no failure message', {timeout: 8000});
  await el.updateComplete;
}

async function withEndpoint(endpoint: string, formIndex = 0): Promise<Record<string, any>> {
  const feed = await referenceFeed();
  feed.contactForms[formIndex].endpoint = endpoint;
  return feed;
}

const email = () => `${uniqueKey()}@example.org`;

/** The notice as a visitor reads it: one text per paragraph (the privacy link last). */
const noticeParagraphs = (el: LoftContactForm) => [...root(el).querySelectorAll('.notice p')].map((p) => textOf(p));

/** Exempelby's general form with another legal basis, with or without `publicRecord`. */
async function exempelbyForm(legalBasis: string, publicRecord: boolean): Promise<Record<string, any>> {
  const feed = await exempelbyFeed();
  Object.assign(feed.contactForms[0], {legalBasis, publicRecord});
  return feed;
}

type Basis = 'legitimate-interest' | 'public-task' | 'consent';

/** What each built-in language says, for the controller "Exempelby kommun". */
const SAYS: Record<'sv' | 'en' | 'fi', Record<Basis | 'retention' | 'publicRecord' | 'object' | 'sent', string>> = {
  sv: {
    'legitimate-interest': 'Genom att skicka in formuläret behandlar Exempelby kommun dina personuppgifter för att besvara ditt meddelande.',
    'public-task': 'Exempelby kommun behandlar dina personuppgifter för att handlägga ditt ärende, som en del av sina uppgifter av allmänt intresse.',
    consent: 'Exempelby kommun behandlar dina personuppgifter endast med ditt samtycke. Du kan när som helst ta tillbaka det.',
    retention: 'Uppgifterna sparas i 2 år.',
    publicRecord: 'Ditt meddelande blir en allmän handling när det kommer in. Vem som helst kan begära att få läsa det, men uppgifter som omfattas av sekretess lämnas inte ut.',
    object: 'Du har rätt att invända mot behandlingen av skäl som gäller just din situation. Kontakta Exempelby kommun om du vill göra det.',
    sent: 'Ditt meddelande har kommit in och är nu en allmän handling.',
  },
  en: {
    'legitimate-interest': 'By submitting the form, Exempelby kommun processes your personal data to answer your message.',
    'public-task': 'Exempelby kommun processes your personal data to handle your matter, as part of its tasks in the public interest.',
    consent: 'Exempelby kommun processes your personal data only with your consent. You can withdraw it at any time.',
    retention: 'The data are kept for 2 years.',
    publicRecord: 'Your message becomes a public record when it arrives. Anyone may ask to read it, but confidential information is not disclosed.',
    object: 'You have the right to object to this processing for reasons that concern your own situation. Contact Exempelby kommun to do so.',
    sent: 'Your message has arrived and is now a public record.',
  },
  fi: {
    'legitimate-interest': 'Kun lähetät lomakkeen, Exempelby kommun käsittelee henkilötietojasi vastatakseen viestiisi.',
    'public-task': 'Exempelby kommun käsittelee henkilötietojasi asiasi hoitamiseksi osana yleistä etua koskevia tehtäviään.',
    consent: 'Exempelby kommun käsittelee henkilötietojasi vain suostumuksellasi. Voit peruuttaa sen milloin tahansa.',
    retention: 'Tietojen säilytysaika on 2 vuotta.',
    publicRecord: 'Viestistäsi tulee yleinen asiakirja, kun se saapuu. Kuka tahansa voi pyytää saada lukea sen, mutta salassa pidettäviä tietoja ei luovuteta.',
    object: 'Sinulla on oikeus vastustaa käsittelyä omaan tilanteeseesi liittyvästä syystä. Jos haluat vastustaa sitä, ota yhteyttä: Exempelby kommun.',
    sent: 'Viestisi on saapunut, ja se on nyt yleinen asiakirja.',
  },
};

/** WCAG contrast ratio of two CSS colours (any syntax the browser knows, read back through a canvas). */
function contrast(a: string, b: string): number {
  const context = document.createElement('canvas').getContext('2d', {willReadFrequently: true})!;
  const luminance = (colour: string) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((v) => v / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

/** The first colour painted behind an element: its own background, else its nearest ancestor's (across shadow roots). */
function backgroundBehind(el: Element): string {
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return 'white';
}

/** The Storybook themes (stories/support/themes.css): what a municipality's CMS page sets. */
function loadThemes(): Promise<void> {
  if (document.querySelector('link[data-themes]')) return Promise.resolve();
  const link = Object.assign(document.createElement('link'), {rel: 'stylesheet', href: '/stories/support/themes.css'});
  link.dataset.themes = '';
  const loaded = new Promise<void>((resolve) => link.addEventListener('load', () => resolve(), {once: true}));
  document.head.append(link);
  return loaded;
}

describe('<loft-contact-form>', () => {
  before(() => performance.setResourceTimingBufferSize(100_000));
  beforeEach(() => setPageLang('sv'));
  after(() => setPageLang('en'));

  it('makes no request before the visitor touches the form, then sends one submission the receiver stores with the exact notice (sv, legitimate interest, ALTCHA)', async () => {
    const feed = await referenceFeed();
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} recipient="amanda-sundberg" project="loft"></loft-contact-form>`);
    await settled(el);
    const loaded = performance.now();
    expect(textOf(root(el).querySelector('[role="heading"]'))).to.equal('Kontakta Amanda');
    expect(textOf(root(el).querySelector('.legend'))).to.equal('* Obligatoriskt');
    expect(textOf(root(el).querySelector('.notice'))).to.contain('Genom att skicka in formuläret behandlar RISE dina personuppgifter för att besvara ditt meddelande.');
    await aTimeout(300);
    expect(requestsSince(loaded).map((e) => e.name), 'requests before any interaction').to.deep.equal([]);
    expect(document.cookie).to.equal('');
    await expect(el).to.be.accessible();
    const touched = performance.now();

    const address = email();
    fillRequired(el, address);
    await waitUntil(() => requestsSince(touched, '/api/altcha-challenge').length === 1, 'the challenge was not fetched on first interaction');
    expect(requestsSince(touched, '/api/contact')).to.have.length(0);
    await aTimeout(FILL_TIME);
    const submitted = collect<LoftSubmittedEvent>('loft-submitted');
    submitButton(el).click();
    submitButton(el).click();
    await sent(el);
    submitted.stop();
    expect(submitted.events.map((e) => e.detail.status)).to.deep.equal([201]);
    // A resource-timing entry appears when its response has ended.
    await waitUntil(() => requestsSince(touched, '/api/contact').length > 0, 'no submission request was seen');
    await aTimeout(300);
    expect(requestsSince(touched, '/api/contact'), 'one submit, one request').to.have.length(1);
    expect(active(el)?.classList.contains('sent')).to.be.true;
    expect(textOf(root(el).querySelector('.sent'))).to.contain(`Vi svarar dig via e-post på ${address}.`);
    await expect(el).to.be.accessible();

    const [row] = await stored(address);
    expect(row).to.include({form: 'rise-contact', recipient: 'amanda-sundberg', project: 'loft', legal_basis: 'legitimate-interest', locale: 'sv', name: 'Alva Andersson'});
    expect(row.page).to.equal(location.origin + location.pathname);
    expect(row.consents).to.have.length(1);
    expect(row.consents[0]).to.include({
      consent_id: 'notice',
      version: '2026-11',
      locale: 'sv',
      text: 'Genom att skicka in formuläret behandlar RISE dina personuppgifter för att besvara ditt meddelande. Du har rätt att invända mot behandlingen av skäl som gäller just din situation. Kontakta RISE om du vill göra det.',
    });
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });

  it('says when the recipient is not in the feed, and tells the editor who they likely meant', async () => {
    const errors = collect<CustomEvent>('loft-error');
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda"></loft-contact-form>`);
    await settled(el);
    errors.stop();
    const notFound = errors.events.find((e) => e.detail.code === 'not-found');
    expect(notFound?.detail.message).to.contain('recipient="amanda"').and.to.contain('Did you mean "amanda-sundberg"?');
    expect(textOf(el.shadowRoot!.querySelector('[role="alert"]'))).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('focus() from an opener lands on the first field', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda-sundberg"></loft-contact-form>`);
    el.focus();
    await settled(el);
    await waitUntil(() => active(el)?.id === 'f-name', 'the name field did not get focus');
  });

  it('states a retention in its own words, leaving out the units that are zero', async () => {
    const feed = await exempelbyFeed();
    // Intl's words: "dygn" in Chromium's Swedish, "dagar" in others'.
    for (const [retention, says] of [
      ['P1Y0M6D', /Uppgifterna sparas i 1 år och 6 (dygn|dagar)\./],
      ['P0Y18M', /Uppgifterna sparas i 18 månader\./],
      ['P2W', /Uppgifterna sparas i 2 veckor\./],
    ] as const) {
      feed.contactForms[0].retention = retention;
      const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${structuredClone(feed)} form="kommun-kontakt"></loft-contact-form>`);
      await settled(el);
      expect(textOf(root(el).querySelector('.notice')), retention).to.match(says);
    }
  });

  it('cuts a notice that alone would hold the page (20,000 characters of Japanese) before the privacy link, and the receiver takes what was shown', async () => {
    const feed = await exempelbyFeed();
    feed.contactForms[0].notice = {sv: '漢字かな交じり文'.repeat(2_500)};
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} form="kommun-kontakt"></loft-contact-form>`);
    await settled(el);
    const notice = textOf(root(el).querySelector('.notice'));
    // 4,999 characters of four units and the "…" fit in 20,000; the link to the whole notice follows.
    expect(notice).to.contain(`${'漢字かな交じり文'.repeat(624)}漢字かな交じり…`);
    expect(notice).not.to.contain('漢字かな交じり文'.repeat(625));
    expect(root(el).querySelector('.notice a')!.getAttribute('href')).to.equal('https://exempelby.example/personuppgifter');
    const row = await sendKommunKontakt(el);
    expect(row.consents[0].text).to.contain('漢字かな交じり…');
  });

  it('shows the public-task notice, public record and retention, and stores a ticked optional consent (en)', async () => {
    await setPageLang('en');
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await exempelbyFeed()} project="loft"></loft-contact-form>`);
    await settled(el);
    const notice = textOf(root(el).querySelector('.notice'));
    expect(notice).to.contain('Exempelby kommun processes your personal data to handle your matter');
    expect(notice).to.contain('Your message becomes a public record');
    expect(notice).to.contain('The data are kept for 2 years.');
    expect(root(el).querySelector('.notice a')!.getAttribute('href')).to.equal('https://exempelby.example/personuppgifter');
    expect(control(el, 'f-phone').getAttribute('autocomplete')).to.equal('tel');
    expect(control(el, 'f-subject').required).to.be.true;
    const box = control(el, 'c-nyhetsbrev');
    expect(box.checked).to.be.false;
    expect(box.required).to.be.false;
    await expect(el).to.be.accessible();

    const address = email();
    fillRequired(el, address);
    fill(el, 'subject', 'Parkering');
    box.click();
    await aTimeout(FILL_TIME);
    submitButton(el).click();
    await sent(el);
    expect(textOf(root(el).querySelector('.sent'))).to.contain('Your message has arrived and is now a public record.');
    const [row] = await stored(address);
    expect(row).to.include({form: 'kommun-kontakt', legal_basis: 'public-task', locale: 'en', subject: 'Parkering'});
    expect(row.consents.map((c: any) => c.consent_id)).to.deep.equal(['notice', 'nyhetsbrev']);
    expect(row.consents[0].text).to.contain('The data are kept for 2 years.');
    expect(row.consents[1]).to.include({version: '2026-01', text: "I want the municipality's newsletter about development projects."});
  });

  it('leaves an optional consent unticked and unsent whatever its id, even one every object has by name (constructor)', async () => {
    await setPageLang('en');
    const feed = await exempelbyFeed();
    feed.contactForms.find((f: {id: string}) => f.id === 'kommun-kontakt')!.optionalConsents![0].id = 'constructor';
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} project="loft"></loft-contact-form>`);
    await settled(el);
    expect(control(el, 'c-constructor').checked, 'a consent box ticked before the visitor ticks it is no consent (GDPR art. 4(11))').to.be.false;
    const row = await sendKommunKontakt(el);
    expect(row.consents.map((c: any) => c.consent_id)).to.deep.equal(['notice']);
  });

  it('sends nothing without the consent box, then sends once it is ticked (fi, consent)', async () => {
    await setPageLang('fi');
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await exempelbyFeed()} project="framtidsanalys-2027"></loft-contact-form>`);
    await settled(el);
    await waitUntil(() => textOf(root(el).querySelector('.legend')) === '* Pakollinen', 'Finnish did not load');
    const start = performance.now();
    const box = control(el, 'c-processing');
    expect(box.checked).to.be.false;
    expect(box.required).to.be.true;
    const address = email();
    fillRequired(el, address);
    await aTimeout(FILL_TIME);
    submitButton(el).click();
    await summary(el);
    await el.updateComplete;
    expect(active(el)?.classList.contains('summary')).to.be.true;
    expect(textOf(root(el).querySelector('.summary'))).to.contain('Rastita ruutu antaaksesi suostumuksesi.');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-describedby')).to.equal('e-consent');
    await expect(el).to.be.accessible();
    await aTimeout(300);
    expect(requestsSince(start, '/api/contact'), 'no submission before consent').to.have.length(0);

    root(el).querySelector<HTMLAnchorElement>('.summary a')!.click();
    expect(active(el)).to.equal(box);
    box.click();
    submitButton(el).click();
    await sent(el);
    const [row] = await stored(address);
    expect(row).to.include({form: 'kommun-samtycke', legal_basis: 'consent', locale: 'fi'});
    expect(row.consents[0].consent_id).to.equal('processing');
    expect(row.consents[0].text).to.match(/^Suostun siihen, että Exempelby kommun käsittelee henkilötietojani/);
    expect(row.consents[0].text).to.contain('Tietojen säilytysaika on 1 vuosi.');
  });

  it('checks the fields itself, with inline messages and a summary that links to each (sv)', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda-sundberg"></loft-contact-form>`);
    await settled(el);
    fill(el, 'email', 'inte-en-adress');
    submitButton(el).click();
    await summary(el);
    await el.updateComplete;
    expect(active(el)?.classList.contains('summary')).to.be.true;
    const links = [...root(el).querySelectorAll('.summary a')].map((a) => textOf(a));
    expect(links).to.deep.equal(['Namn saknas.', 'Skriv e-postadressen som namn@exempel.se.', 'Meddelande saknas.']);
    const emailField = control(el, 'f-email');
    expect(emailField.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(root(el).getElementById(emailField.getAttribute('aria-describedby')!))).to.equal('Skriv e-postadressen som namn@exempel.se.');
    expect(emailField.value).to.equal('inte-en-adress');
    await expect(el).to.be.accessible();
    root(el).querySelectorAll<HTMLAnchorElement>('.summary a')[1].click();
    expect(active(el)).to.equal(emailField);
    fill(el, 'email', 'alva@example.org');
    await el.updateComplete;
    expect(emailField.hasAttribute('aria-invalid')).to.be.false;
  });

  it('keeps what the visitor typed and ticked, and the error messages, when the page changes language while they write', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await exempelbyFeed()} project="loft"></loft-contact-form>`);
    await settled(el);
    fill(el, 'name', 'Alva Andersson');
    fill(el, 'email', 'inte-en-adress');
    fill(el, 'message', 'Hej! Jag vill veta mer.');
    control(el, 'c-nyhetsbrev').click();
    submitButton(el).click();
    await summary(el);
    await setPageLang('en');
    await waitUntil(() => textOf(root(el).querySelector('.legend')) === '* Required', 'English did not load');
    await el.updateComplete;
    expect(control(el, 'f-name').value).to.equal('Alva Andersson');
    expect(control(el, 'f-email').value).to.equal('inte-en-adress');
    expect(control(el, 'f-message').value).to.equal('Hej! Jag vill veta mer.');
    expect(control(el, 'c-nyhetsbrev').checked).to.be.true;
    expect([...root(el).querySelectorAll('.summary a')].map((a) => textOf(a))).to.deep.equal(['Enter an e-mail address like name@example.org.', 'Subject is missing.']);
    expect(control(el, 'f-email').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  const PHONE_FORMAT = {
    sv: 'Skriv telefonnumret med siffror, till exempel 070-123 45 67 eller +46 70 123 45 67. Du kan använda mellanslag, bindestreck, parenteser och + i början.',
    en: 'Enter the phone number in digits, like 070-123 45 67 or +46 70 123 45 67. You can use spaces, hyphens, brackets and a + at the start.',
    fi: 'Kirjoita puhelinnumero numeroin, esimerkiksi 040 123 4567 tai +358 40 123 4567. Voit käyttää välilyöntejä, yhdysmerkkejä, sulkeita ja alussa plusmerkkiä.',
  };
  for (const lang of ['sv', 'en', 'fi'] as const) {
    it(`says which format a phone number takes when it is written wrongly, at the field and in the summary (${lang})`, async () => {
      await setPageLang(lang);
      const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await exempelbyFeed()} form="kommun-kontakt"></loft-contact-form>`);
      await settled(el);
      await waitUntil(() => textOf(root(el).querySelector('.legend')) === {sv: '* Obligatoriskt', en: '* Required', fi: '* Pakollinen'}[lang], `${lang} did not load`);
      fillRequired(el, email());
      fill(el, 'subject', 'Parkering');
      fill(el, 'phone', 'ring mig på kvällen');
      submitButton(el).click();
      await summary(el);
      expect(active(el)?.classList.contains('summary')).to.be.true;
      expect([...root(el).querySelectorAll('.summary a')].map((a) => textOf(a))).to.deep.equal([PHONE_FORMAT[lang]]);
      const phone = control(el, 'f-phone');
      expect(phone.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf(root(el).getElementById(phone.getAttribute('aria-describedby')!))).to.equal(PHONE_FORMAT[lang]);
      await expect(el).to.be.accessible();
      // Written as the message says, the number is right.
      fill(el, 'phone', lang === 'fi' ? '+358 40 123 4567' : '(070) 123-45 67');
      await el.updateComplete;
      expect(phone.hasAttribute('aria-invalid')).to.be.false;
    });
  }

  it('keeps its error messages readable on a dark host page that sets no --loft-* colours', async () => {
    const page = await fixture<HTMLDivElement>(html`<div style="background: #15171c; color: #e9eaee; color-scheme: dark; padding: 1rem">
      <loft-contact-form .data=${await exempelbyFeed()} form="kommun-samtycke"></loft-contact-form>
    </div>`);
    const el = page.querySelector('loft-contact-form')!;
    await settled(el);
    submitButton(el).click();
    await summary(el);
    const errors = [...root(el).querySelectorAll<HTMLElement>('.summary a, .field-error')];
    expect(errors.length).to.be.greaterThan(3);
    for (const error of errors) {
      expect(contrast(getComputedStyle(error).color, '#15171c'), textOf(error)).to.be.at.least(4.5);
    }
    await expect(el).to.be.accessible();
  });

  for (const theme of ['exempelby', 'sjostad'] as const) {
    it(`draws field borders at 3:1 or more in the ${theme} theme, whose light --loft-color-border is for decorative frames`, async () => {
      await loadThemes();
      const page = await fixture<HTMLDivElement>(html`<div class="loft-story" data-theme=${theme}>
        <loft-contact-form .data=${await exempelbyFeed()} form="kommun-kontakt"></loft-contact-form>
      </div>`);
      const el = page.querySelector('loft-contact-form')!;
      await settled(el);
      const frames = getComputedStyle(page).getPropertyValue('--loft-color-border').trim();
      const outside = backgroundBehind(page);
      const fields = [...root(el).querySelectorAll<HTMLElement>('[data-field]')];
      expect(fields.map((f) => f.dataset.field)).to.deep.equal(['name', 'email', 'phone', 'subject', 'message']);
      for (const field of fields) {
        const style = getComputedStyle(field);
        const inside = backgroundBehind(field);
        // The theme's frame colour is too light for a field's edge: the fields must not use it.
        expect(contrast(frames, inside), `${theme}: --loft-color-border ${frames} on ${inside}`).to.be.below(3);
        expect(contrast(style.borderTopColor, inside), `${field.dataset.field}: border ${style.borderTopColor} on the field's ${inside}`).to.be.at.least(3);
        expect(contrast(style.borderTopColor, outside), `${field.dataset.field}: border ${style.borderTopColor} on the page's ${outside}`).to.be.at.least(3);
        expect(parseFloat(style.borderTopWidth)).to.be.at.least(2);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('shows the receiver’s 422 field errors on the fields', async () => {
    // The feed says the subject is optional; the receiver knows the real form requires it.
    const feed = await exempelbyFeed();
    feed.contactForms[0].fields.subject = 'optional';
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} form="kommun-kontakt"></loft-contact-form>`);
    await settled(el);
    const errors = collect<LoftSubmitErrorEvent>('loft-submit-error');
    fillRequired(el, email());
    await aTimeout(FILL_TIME);
    submitButton(el).click();
    await summary(el);
    errors.stop();
    await el.updateComplete;
    expect(errors.events.map((e) => e.detail)).to.deep.equal([{code: 'rejected', status: 422, retryAfter: undefined}]);
    expect(control(el, 'f-subject').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(root(el).querySelector('.summary a'))).to.equal('Ämne saknas.');
    expect(control(el, 'f-name').value).to.equal('Alva Andersson');
    await expect(el).to.be.accessible();
  });

  it("shows a receiver's errors in the protocol's words only: an unknown code, or one every object has by name, is no text of its own", async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda-sundberg"></loft-contact-form>`);
    await settled(el);
    // The receiver is the feed's: what it answers is untrusted too.
    el.addEventListener('loft-submit', (e: LoftSubmitEvent) => {
      e.preventDefault();
      e.detail.respondWith(Promise.resolve({ok: false, errors: {name: 'constructor', email: 'no-such-code', message: 5, _form: 'toString'}} as never));
    });
    fillRequired(el, email());
    submitButton(el).click();
    await summary(el);
    const items = [...root(el).querySelectorAll('.summary li')].map((li) => textOf(li));
    expect(items.join(' | ')).not.to.match(/function|native code|undefined|\[object/);
    // Each field the answer names is invalid, in the form's words; the unknown form-level code is left out.
    expect(items, items.join(' | ')).to.have.length(3);
    expect(items.every((text) => text.length > 0), items.join(' | ')).to.be.true;
    expect(['f-name', 'f-email', 'f-message'].map((id) => control(el, id).getAttribute('aria-invalid'))).to.deep.equal(['true', 'true', 'true']);
    await expect(el).to.be.accessible();
  });

  it('is rejected by the receiver as spam when the honeypot is filled', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda-sundberg"></loft-contact-form>`);
    await settled(el);
    const honeypot = control(el, 'f-website');
    expect(honeypot.closest('[inert]')?.getAttribute('aria-hidden')).to.equal('true');
    expect(honeypot.tabIndex).to.equal(-1);
    const address = email();
    fillRequired(el, address);
    honeypot.value = 'https://spam.example';
    honeypot.dispatchEvent(new Event('input'));
    await aTimeout(FILL_TIME);
    submitButton(el).click();
    await summary(el);
    expect(textOf(root(el).querySelector('.summary'))).to.contain('uppfattades som skräppost');
    expect(await stored(address)).to.have.length(0);
  });

  it('is rejected by the receiver as too fast, and goes through when sent again a moment later', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda-sundberg"></loft-contact-form>`);
    await settled(el);
    const address = email();
    fillRequired(el, address);
    submitButton(el).click();
    await summary(el);
    expect(textOf(root(el).querySelector('.summary'))).to.contain('Vänta en stund och skicka det igen.');
    expect(await stored(address)).to.have.length(0);
    await aTimeout(FILL_TIME);
    submitButton(el).click();
    await sent(el);
    expect(await stored(address)).to.have.length(1);
  });

  it('a replayed ALTCHA solution is rejected by the receiver', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda-sundberg"></loft-contact-form>`);
    await settled(el);
    const submits = collect<LoftSubmitEvent>('loft-submit');
    fillRequired(el, email());
    await aTimeout(FILL_TIME);
    submitButton(el).click();
    await sent(el);
    submits.stop();
    const payload = submits.events[0].detail.payload;
    expect(payload.altcha).to.be.a('string');
    const replay = await fetch('/api/contact', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({...payload, email: email()})});
    expect(replay.status).to.equal(422);
    expect(await replay.json()).to.deep.equal({errors: {_form: 'captcha'}});
  });

  it('fetches a fresh spam check before sending when the one from the first keystroke has expired, and sends once', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await onExpiringReceiver()} recipient="amanda-sundberg"></loft-contact-form>`);
    await settled(el);
    const touched = performance.now();
    const address = email();
    fillRequired(el, address);
    await waitUntil(() => requestsSince(touched, '/expiring/api/altcha-challenge').length === 1, 'the challenge was not fetched on first interaction');
    // The visitor pauses for longer than the challenge lives, then sends.
    await aTimeout(CHALLENGE_EXPIRED);
    await sendAccepted(el);
    await waitUntil(() => requestsSince(touched, '/expiring/api/contact').length > 0, 'no submission request was seen');
    await aTimeout(300);
    expect(requestsSince(touched, '/expiring/api/altcha-challenge'), 'a fresh challenge before sending').to.have.length(2);
    expect(requestsSince(touched, '/expiring/api/contact'), 'one send, not a refused one and a second').to.have.length(1);
    expect(await stored(address, 'expiring')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('solves a fresh spam check and sends once more by itself when the receiver refuses one that expired on the way, keeping what was typed', async () => {
    const key = uniqueKey();
    // The first send is held on the way until its challenge has expired, then reaches the receiver.
    const feed = await onExpiringReceiver(`/faults/contact?key=${key}&fail=late&ms=${CHALLENGE_EXPIRED}&receiver=expiring`);
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} recipient="amanda-sundberg"></loft-contact-form>`);
    await settled(el);
    const address = email();
    fillRequired(el, address);
    await aTimeout(FILL_TIME);
    await sendAccepted(el);
    expect(await requestCount(key), 'the refused send and one more').to.equal(2);
    const rows = await stored(address, 'expiring');
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({name: 'Alva Andersson', message: 'Hej! Jag vill veta mer om projektet.'});
    expect(active(el)?.classList.contains('sent')).to.be.true;
    await expect(el).to.be.accessible();
  });

  for (const [fail, code, text] of [
    ['500', 'server', 'på grund av ett fel hos mottagaren'],
    ['429', 'rate-limited', 'Försök igen om 2 minuter.'],
    ['slow', 'timeout', 'Det tog för lång tid att skicka'],
  ] as const) {
    it(`keeps every value after a ${fail} answer, and sending again is one click`, async () => {
      const key = uniqueKey();
      const feed = await withEndpoint(`/faults/contact?key=${key}&fail=${fail}&ms=1500`);
      const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} recipient="amanda-sundberg" .timeout=${500}></loft-contact-form>`);
      await settled(el);
      const errors = collect<LoftSubmitErrorEvent>('loft-submit-error');
      const address = email();
      fillRequired(el, address);
      await aTimeout(FILL_TIME);
      submitButton(el).click();
      await failed(el);
      errors.stop();
      expect(errors.events[0].detail.code).to.equal(code);
      if (fail === '429') expect(errors.events[0].detail.retryAfter).to.equal(120);
      expect(textOf(root(el).querySelector('.failure'))).to.contain(text);
      expect(active(el)?.classList.contains('failure')).to.be.true;
      expect([control(el, 'f-name').value, control(el, 'f-email').value, control(el, 'f-message').value]).to.deep.equal([
        'Alva Andersson',
        address,
        'Hej! Jag vill veta mer om projektet.',
      ]);
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('.failure button')!.click();
      await sent(el);
      expect(await stored(address)).to.have.length(1);
    });
  }

  it('is accessible while sending: the button keeps focus, is marked disabled and busy, and ignores clicks', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await referenceFeed()} recipient="amanda-sundberg"></loft-contact-form>`);
    await settled(el);
    let resolve!: (value: {ok: boolean}) => void;
    const submits = collect<LoftSubmitEvent>('loft-submit');
    const host = (e: LoftSubmitEvent) => {
      e.preventDefault();
      e.detail.respondWith(new Promise((r) => (resolve = r)));
    };
    el.addEventListener('loft-submit', host);
    fillRequired(el, email());
    const button = submitButton(el);
    button.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => resolve, 'loft-submit was not fired', {timeout: 8000});
    await el.updateComplete;
    // aria-disabled, not disabled: a disabled button would drop focus to the page.
    // Compared as a boolean: a failing comparison of two elements makes mocha stringify them, which does not end.
    expect(active(el) === button, `focus stays on the button, not on ${active(el)?.localName ?? 'the page'}`).to.be.true;
    expect(button.disabled).to.be.false;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(textOf(root(el).querySelector('.status'))).to.equal('Skickar…');
    await expect(el).to.be.accessible();
    button.click();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    submits.stop();
    expect(submits.events, 'clicks while sending send nothing').to.have.length(1);
    resolve({ok: true});
    await sent(el);
    expect(textOf(root(el).querySelector('.sent'))).to.contain('Tack, ditt meddelande är skickat');
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await exempelbyFeed()} project="framtidsanalys-2027"></loft-contact-form>`);
    await settled(el);
    // WebKitWebDriver drops a key typed twice in a row (and repeated spaces), so the texts typed here have none.
    const address = `${uniqueKey().replace(/(.)\1+/g, '$1')}@example.org`.replace(/(.)\1+/g, '$1');
    el.focus();
    await waitUntil(() => active(el)?.id === 'f-name', 'no focus on the name field');
    await sendKeys({type: 'Alva Berg'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: address});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Exempelby'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Vi deltar.'});
    await sendKeys({press: 'Tab'});
    expect(active(el)?.tagName).to.equal('A'); // the privacy policy link
    await sendKeys({press: 'Tab'});
    expect(active(el)?.id).to.equal('c-processing');
    await sendKeys({press: ' '});
    await sendKeys({press: 'Tab'});
    expect(active(el)).to.equal(submitButton(el));
    await aTimeout(FILL_TIME);
    await sendKeys({press: 'Enter'});
    await sent(el);
    const [row] = await stored(address);
    expect(row).to.include({organization: 'Exempelby', message: 'Vi deltar.'});
  });

  for (const lang of ['sv', 'en', 'fi'] as const) {
    for (const basis of ['legitimate-interest', 'public-task', 'consent'] as const) {
      for (const publicRecord of [false, true]) {
        it(`notice (${lang}, ${basis}${publicRecord ? ', public record' : ''}): purpose, ${basis === 'consent' ? 'no right to object' : 'the right to object in a paragraph of its own'}${publicRecord ? ', allmän handling' : ''}`, async () => {
          await setPageLang(lang);
          const says = SAYS[lang];
          const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await exempelbyForm(basis, publicRecord)} form="kommun-kontakt"></loft-contact-form>`);
          await settled(el);
          await waitUntil(() => noticeParagraphs(el)[0]?.startsWith(says[basis]), `the ${lang} notice did not show: ${noticeParagraphs(el)[0]}`);
          expect(noticeParagraphs(el)).to.deep.equal([
            `${says[basis]} ${says.retention}`,
            ...(publicRecord ? [says.publicRecord] : []),
            ...(basis === 'consent' ? [] : [says.object]),
            textOf(root(el).querySelector('.notice a')),
          ]);
          expect(control(el, 'c-processing')?.required ?? false).to.equal(basis === 'consent');
          await expect(el).to.be.accessible();
        });
      }
    }
  }

  it('says after sending that the message is now an allmän handling, whatever the legal basis, and records that it said so before (sv, consent)', async () => {
    const feed = await exempelbyFeed();
    feed.contactForms[1].publicRecord = true;
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} form="kommun-samtycke"></loft-contact-form>`);
    await settled(el);
    expect(noticeParagraphs(el)[1]).to.equal(SAYS.sv.publicRecord);
    const address = email();
    fillRequired(el, address);
    control(el, 'c-processing').click();
    await aTimeout(FILL_TIME);
    submitButton(el).click();
    await sent(el);
    expect(textOf(root(el).querySelector('.sent'))).to.contain(SAYS.sv.sent);
    await expect(el).to.be.accessible();
    const [row] = await stored(address);
    expect(row.consents[0]).to.include({consent_id: 'processing', locale: 'sv'});
    expect(row.consents[0].text).to.contain(SAYS.sv.publicRecord);
  });

  it('says next to a feed text that it is not in the visitor’s language, and records the language it was shown in (fi)', async () => {
    await setPageLang('fi');
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await exempelbyFeed()} form="kommun-kontakt"></loft-contact-form>`);
    await settled(el);
    const label = root(el).querySelector('label[for="c-nyhetsbrev"]')!;
    await waitUntil(() => textOf(label).includes('(Teksti'), 'no note next to the Swedish consent label');
    expect(textOf(label)).to.equal('Jag vill få kommunens nyhetsbrev om utvecklingsprojekt. (Teksti on saatavilla vain tällä kielellä: ruotsi.)');
    expect(label.querySelector('[lang="sv"]')?.textContent).to.equal('Jag vill få kommunens nyhetsbrev om utvecklingsprojekt.');
    // The form's own texts are all in Finnish: no note there.
    expect(textOf(root(el).querySelector('.notice'))).not.to.contain('(Teksti');
    await expect(el).to.be.accessible();

    const address = email();
    fillRequired(el, address);
    fill(el, 'subject', 'Uutiskirje');
    control(el, 'c-nyhetsbrev').click();
    await aTimeout(FILL_TIME);
    submitButton(el).click();
    await sent(el);
    const [row] = await stored(address);
    expect(row.locale).to.equal('fi');
    expect(row.consents.map((c: any) => [c.consent_id, c.locale])).to.deep.equal([
      ['notice', 'fi'],
      ['nyhetsbrev', 'sv'],
    ]);
    expect(row.consents[1]).to.include({version: '2026-01', text: 'Jag vill få kommunens nyhetsbrev om utvecklingsprojekt.'});
  });

  it('notes a form notice that is not in the visitor’s language, and keeps the note in the record of what was shown (fi, consent)', async () => {
    await setPageLang('fi');
    const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${await exempelbyFeed()} form="kommun-samtycke"></loft-contact-form>`);
    await settled(el);
    await waitUntil(() => noticeParagraphs(el)[0]?.startsWith('Exempelby kommun käsittelee'), 'Finnish did not load');
    expect(noticeParagraphs(el)[0]).to.equal(
      'Exempelby kommun käsittelee henkilötietojasi vain suostumuksellasi. Voit peruuttaa sen milloin tahansa. ' +
        'Vi sparar dina uppgifter för att kunna bjuda in dig till workshoppar i framtidsanalysen. (Teksti on saatavilla vain tällä kielellä: ruotsi.) ' +
        'Tietojen säilytysaika on 1 vuosi.'
    );
    expect(root(el).querySelector('.notice [lang="sv"]')?.textContent).to.equal('Vi sparar dina uppgifter för att kunna bjuda in dig till workshoppar i framtidsanalysen.');
    await expect(el).to.be.accessible();
    const submits = collect<LoftSubmitEvent>('loft-submit');
    el.addEventListener('loft-submit', (e) => {
      e.preventDefault();
      e.detail.respondWith(Promise.resolve({ok: true}));
    });
    fillRequired(el, email());
    control(el, 'c-processing').click();
    submitButton(el).click();
    await sent(el);
    submits.stop();
    const [record] = submits.events[0].detail.payload.consents;
    expect(record).to.include({id: 'processing', locale: 'fi'});
    expect(record.text).to.contain('workshoppar i framtidsanalysen. (Teksti on saatavilla vain tällä kielellä: ruotsi.)');
  });

  it('says the text is not in the visitor’s language without naming it where the browser cannot name languages (en)', async () => {
    await setPageLang('en');
    const feed = await exempelbyFeed();
    feed.contactForms[0].optionalConsents[0].label = {sv: 'Jag vill få kommunens nyhetsbrev.'};
    const displayNames = Intl.DisplayNames;
    // A browser without Intl.DisplayNames (older WebKit).
    (Intl as any).DisplayNames = undefined;
    try {
      const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} form="kommun-kontakt"></loft-contact-form>`);
      await settled(el);
      await waitUntil(() => textOf(root(el).querySelector('label[for="c-nyhetsbrev"]')).includes('('), 'no note next to the Swedish consent label');
      expect(textOf(root(el).querySelector('label[for="c-nyhetsbrev"]'))).to.equal('Jag vill få kommunens nyhetsbrev. (This text is not available in your language.)');
      await expect(el).to.be.accessible();
    } finally {
      (Intl as any).DisplayNames = displayNames;
    }
  });

  it('asks for at most 20 optional consents, and tells the editor what it left out', async () => {
    const feed = await exempelbyFeed();
    feed.contactForms[0].optionalConsents = Array.from({length: 30}, (_, i) => ({id: `c${i}`, label: `Samtycke ${i + 1}`, version: '1'}));
    const errors = collect<LoftErrorEvent>('loft-error');
    try {
      const el = await fixture<LoftContactForm>(html`<loft-contact-form .data=${feed} form="kommun-kontakt"></loft-contact-form>`);
      await settled(el);
      const asked = [...root(el).querySelectorAll<HTMLInputElement>('input[data-consent]')].map((b) => b.dataset.consent).filter((id) => /^c\d+$/.test(id!));
      expect(asked).to.deep.equal(Array.from({length: 20}, (_, i) => `c${i}`));
      expect(errors.events.map((e) => [e.detail.code, e.detail.path])).to.deep.equal([['field-dropped', 'contactForms[0].optionalConsents']]);
      expect(errors.events[0].detail.message).to.equal(
        'contactForms[0].optionalConsents: the contact form "kommun-kontakt" asks for 30 optional consents, more than the 20 a page shows. The last 10 are left out.'
      );
      // And at most 10,000 characters of them.
      feed.contactForms[0].optionalConsents = Array.from({length: 3}, (_, i) => ({id: `c${i}`, label: `${i + 1}. ${'samtycke '.repeat(500)}`, version: '1'}));
      el.data = structuredClone(feed);
      await waitUntil(() => root(el).querySelectorAll('input[data-consent^="c"]').length === 2, 'not two consents of 4,500 characters');
      expect(errors.events.at(-1)!.detail.message).to.contain('asks for 3 optional consents, more than the 10,000 characters (fewer in scripts slower to lay out) a page shows. The last one is left out.');
      // One alone over that (2,600 characters of Japanese) is never asked for: consents are not cut.
      feed.contactForms[0].optionalConsents = [{id: 'c0', label: '漢字かな交じり文'.repeat(325), version: '1'}];
      el.data = structuredClone(feed);
      await waitUntil(() => !root(el).querySelector('input[data-consent="c0"]'), 'a consent of 10,400 units was asked for');
      expect(errors.events.at(-1)!.detail.message).to.contain('asks for 1 optional consent, more than the 10,000 characters (fewer in scripts slower to lay out) a page shows. The last one is left out.');
    } finally {
      errors.stop();
    }
  });
});
