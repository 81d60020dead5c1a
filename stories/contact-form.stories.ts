// <loft-contact-form>: each legal basis, public record and optional consents, captcha none
// and ALTCHA, and every submission state (invalid, sending, failed, rate-limited, sent), in
// every language and theme. Nothing is sent: the submission stories cancel `loft-submit`
// and answer through `detail.respondWith(...)`, as a host page that sends itself would.
// The ALTCHA stories are static: the form fetches its challenge only on first interaction.
import {waitFor} from 'storybook/test';
import type {LoftSubmitEvent, SubmitOutcome} from '../src/events/events.js';
import {elementMeta, feeds, inLanguage, inTheme, MISSING_FEED, PENDING_FEED, type Story} from './support/story-kit.js';

const TAG = 'loft-contact-form';

/** `feed` with every form's captcha off, for the stories that type and send (no challenge request). */
function withoutCaptcha(feed: Record<string, any>) {
  for (const form of feed.contactForms) form.captcha = {provider: 'none'};
  return feed;
}

/** The LOFT feed's form (legitimate interest) without a captcha. */
const loftNoCaptcha = () => withoutCaptcha(feeds.loft());

/** A form with every optional field and a consent to keep in touch, on the legitimate-interest basis. */
function everyField() {
  const feed = loftNoCaptcha();
  Object.assign(feed.contactForms[0], {
    fields: {phone: 'optional', organization: 'optional', subject: 'required'},
    retention: 'P1Y6M',
    optionalConsents: [
      {id: 'nyhetsbrev', version: '1', label: {sv: 'Jag vill få RISE nyhetsbrev om LOFT.', en: 'I would like RISE\'s newsletter about LOFT.', fi: 'Haluan RISEn LOFT-uutiskirjeen.'}},
      {id: 'evenemang', version: '1', label: {sv: 'Bjud gärna in mig till LOFT-träffar.', en: 'Please invite me to LOFT meetings.'}},
    ],
  });
  return feed;
}

/** The rendered form inside the story's element, once its feed has loaded. */
async function formIn(canvasElement: HTMLElement): Promise<{element: HTMLElement; root: ShadowRoot}> {
  const element = canvasElement.querySelector<HTMLElement>(TAG)!;
  await waitFor(() => {
    if (!element.shadowRoot?.querySelector('form')) throw new Error('the form has not rendered yet');
  });
  return {element, root: element.shadowRoot!};
}

/** Types into a field the way a visitor does (an `input` event per change). */
function type(root: ShadowRoot, field: string, value: string): void {
  const control = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${field}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

/** Fills the required fields (and ticks the required consent, if the form has one), then sends. */
async function fillAndSend(canvasElement: HTMLElement): Promise<void> {
  const {root} = await formIn(canvasElement);
  type(root, 'name', 'Kim Andersson');
  type(root, 'email', 'kim.andersson@example.se');
  if (root.querySelector('[data-field="subject"]')) type(root, 'subject', 'LOFT i vår kommun');
  type(root, 'message', 'Hej! Vi vill gärna veta mer om hur vi kan delta i LOFT.');
  const box = root.querySelector<HTMLInputElement>('[data-consent="processing"]');
  if (box && !box.checked) box.click();
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

/**
 * The args and play of a story whose receiver answers `outcome`: the host page cancels
 * `loft-submit` and answers through `respondWith`, so the story never touches the network.
 * Spread it into a story object that has its own `name` (Storybook reads names from the file
 * without running it: a name returned by a function shows only on the docs page).
 */
function answering(outcome: () => Promise<SubmitOutcome>, args: Story['args'] = {}): Story {
  return {
    args: {
      data: loftNoCaptcha(),
      onLoftSubmit: (event: LoftSubmitEvent) => {
        event.preventDefault();
        event.detail.respondWith(outcome());
      },
      ...args,
    },
    play: async ({canvasElement}) => {
      await fillAndSend(canvasElement);
      const {element} = await formIn(canvasElement);
      // Wait until the form has left "editing" for the state this story shows.
      await waitFor(() => {
        const root = element.shadowRoot!;
        if (!root.querySelector('.sent, .failure, .summary, button[aria-busy="true"]')) throw new Error('still editing');
      });
    },
  };
}

export default {
  title: 'Elements/Contact form',
  ...elementMeta(TAG, {
    args: {data: feeds.loft(), form: 'rise-contact', 'heading-level': 2},
    parameters: {
      docs: {
        description: {
          component:
            'A consent-aware contact form as the feed\'s `contactForms` entry describes it. The stories pass the feed as `.data` and never send: the submission stories cancel `loft-submit` and answer with `event.detail.respondWith(promise)`, the way a host page that sends the payload itself does. The ALTCHA stories fetch no challenge, because the form asks for one only when the visitor first interacts with it.',
        },
      },
    },
  }),
};

/** RISE's form on the seed page: legal basis legitimate interest, an information notice and no consent box; ALTCHA. */
export const Reference: Story = {name: 'Reference feed'};

/** Exempelby's form: public task, the public-record notice and an optional newsletter consent; ALTCHA. */
export const PublicTask: Story = {
  name: 'Legal basis: public task, public record, optional consent (ALTCHA)',
  args: {data: feeds.exempelby(), form: 'kommun-kontakt'},
};

/** Exempelby's consent form: a required, unticked consent box; no captcha. */
export const Consent: Story = {
  name: 'Legal basis: consent (no captcha)',
  args: {data: feeds.exempelby(), form: 'kommun-samtycke'},
};

/** For a person: the heading names them ("Kontakta Amanda"). */
export const ForPerson: Story = {
  name: 'For a person',
  args: {form: '', recipient: 'amanda-sundberg', project: 'loft'},
};

/** Captcha `none`: the same form without the background check. */
export const CaptchaNone: Story = {name: 'Captcha: none', args: {data: loftNoCaptcha()}};

/** Captcha ALTCHA: nothing is fetched until the visitor first focuses or types in the form. */
export const CaptchaAltcha: Story = {name: 'Captcha: ALTCHA', args: {data: feeds.loft()}};

/** Phone, organisation and subject asked for, a retention period, two optional consents. */
export const EveryField: Story = {name: 'Every field and optional consents', args: {data: everyField()}};

/** Sent empty: the error summary (focused) links to each field, and each field says what is wrong. */
export const Invalid: Story = {
  name: 'Invalid: sent empty',
  args: {data: withoutCaptcha(feeds.exempelby()), form: 'kommun-samtycke'},
  play: async ({canvasElement}) => {
    const {root} = await formIn(canvasElement);
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitFor(() => {
      if (!root.querySelector('.summary')) throw new Error('no error summary yet');
    });
  },
};

/** The receiver has not answered yet: the button says "Sending…" and is busy. */
export const Sending: Story = {name: 'Sending', ...answering(() => new Promise<SubmitOutcome>(() => undefined))};

/** The receiver failed (a server error): a message, every value kept, and "Try again". */
export const FailedWithRetry: Story = {name: 'Failed, with retry', ...answering(() => Promise.resolve({ok: false}))};

/** The receiver is busy (`429`, retry after two minutes): how long to wait, and "Try again". */
export const RateLimited: Story = {name: 'Rate-limited', ...answering(() => Promise.resolve({ok: false, retryAfter: 120}))};

/** The receiver rejected a field (`422`): the error is shown on that field, as after a local check. */
export const RejectedField: Story = {
  name: 'Rejected by the receiver: a field',
  ...answering(() => Promise.resolve({ok: false, errors: {email: 'invalid'}})),
};

/** Accepted: the confirmation (focused) says what happens next. */
export const Sent: Story = {name: 'Sent', ...answering(() => Promise.resolve({ok: true}))};

/** Accepted on the public-task form: the confirmation adds that the message is a public record. */
export const SentPublicRecord: Story = {
  name: 'Sent: public record',
  ...answering(() => Promise.resolve({ok: true}), {data: withoutCaptcha(feeds.exempelby()), form: 'kommun-kontakt'}),
};

export const Loading: Story = {
  args: {data: undefined, src: PENDING_FEED},
  tags: ['stays-loading'],
};

export const ErrorUnreachable: Story = {
  name: 'Error: feed unreachable (404)',
  args: {data: undefined, src: MISSING_FEED},
  tags: ['expected-request-failure'],
};

export const FormNotFound: Story = {
  name: 'Error: form not found',
  args: {form: 'no-such-form'},
};

export const ThemeExempelby = inTheme('exempelby', {args: {data: feeds.exempelby(), form: 'kommun-kontakt'}});
export const ThemeNorrsken = inTheme('norrsken', {args: {data: everyField()}});
export const ThemeSjostad = inTheme('sjostad', {args: {data: feeds.exempelby(), form: 'kommun-samtycke'}});
export const ThemeDarkPage = inTheme('dark', {args: {data: everyField()}});
export const ThemeDarkPageInvalid: Story = {...inTheme('dark', Invalid), name: 'Theme Dark Page: invalid, sent empty'};

export const InSwedish = inLanguage('sv', {args: {data: everyField()}});
export const InEnglish = inLanguage('en', {args: {data: everyField()}});
export const InFinnish = inLanguage('fi', {args: {data: everyField()}});
export const InNorthernSamiExample = inLanguage('se', {args: {data: everyField()}});
export const InYiddishExample = inLanguage('yi', {args: {data: everyField()}});
