// The one source of the conformance reports in this folder: for each WCAG 2.1 level A and AA
// success criterion, each element's result, a one-line reason and the evidence. Shared
// values go in `all`; an element's own entry overrides them. `statement` is the sentence an
// accessibility statement lists for a limit (required for every partial result); `author`
// is what the page author must do (shown in the reports, README.md and the templates).
//
// Evidence, checked by scripts/conformance.mjs (npm test):
//   test(file)(title)     a mocha `it` / node `test` title in that file ("(axe)" in the
//                         report when the test runs axe-core)
//   story(id)             a Storybook story id (the smoke test runs axe-core on every story)
//   source(file, text)    a file that contains that exact text
//   absent(regex, path)   a pattern nothing under the path matches (what the widgets never do)
//
// After an edit: node scripts/conformance.mjs (rewrites the reports), then commit both.

const test = (file) => (it) => ({test: `test/${file}`, it});
const card = test('project-card.test.ts');
const members = test('member-list.test.ts');
const MEMBERS_MORE = members('shows 50 people at first, and "Visa fler" shows 50 more with focus on the first of them');
const form = test('contact-form.test.ts');
const hand = test('form-in-hand.test.ts');
const project = test('project.test.ts');
const list = test('project-list.test.ts');
const embed = test('embed.test.ts');
const languages = test('languages.test.ts');
const story = (id) => ({story: id});
const source = (file, has) => ({file, has});
const absent = (pattern, path) => ({absent: pattern, in: path});

export const ELEMENTS = {
  'loft-project-card': {
    name: {sv: 'projektkort', en: 'project cards'},
    about: 'One project: the seed page\'s "Sammanfattning" fact box (`variant="summary"`) or a card for listings (`variant="compact"`).'},
  'loft-member-list': {
    name: {sv: 'medlemslistor', en: 'member lists'},
    about: 'The people of a project with their roles, "Läs mer om X" and "Kontakta X", which opens a `<loft-contact-form>` below the button; so this report includes the contact form\'s limits.'},
  'loft-contact-form': {
    name: {sv: 'kontaktformulär', en: 'contact forms'},
    about: 'A consent-aware contact form for one person or a project.'},
  'loft-project': {
    name: {sv: 'projektsidor', en: 'project pages'},
    about: 'The whole project page: title, description, quotes, and a nested `<loft-project-card>`, `<loft-member-list>` and contact (`<loft-contact-form>`); so this report includes their limits.'},
  'loft-project-list': {
    name: {sv: 'projektlistor', en: 'project lists'},
    about: 'Compact project cards with search, filters, sorting and "Visa fler".'},
};

/** The host page with hostile CSS and 35 px text, 720 px wide: about 20.6 em, the reflow condition's 320 px at 16 px. */
const HOSTILE = embed('keep their layout under hostile global CSS (only font family, size and colour come from the page)');
/** The axe rules the smoke test leaves to the page: they judge a whole page, not a widget. */
const PAGE_RULES = source('stories/support/a11y.js', "export const PAGE_LEVEL_AXE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one'];");
/** 1.2.1–1.2.5: nothing to caption or describe. */
const NO_MEDIA = {
  all: {
    result: 'not-applicable',
    reason: 'No audio or video: the elements show none and the feed format has none.',
    evidence: [absent(/<(video|audio|iframe)\b/, 'src'), absent(/\b(video|audio)\b/i, 'src/feed/schema.ts')],
  },
};
const NO_NAVIGATION = absent(/<nav\b|role="navigation"/, 'src/elements');
const SHARED_STYLES = 'src/elements/shared/shared.styles.ts';
const FORM_STYLES = 'src/elements/contact-form/contact-form.styles.ts';
const FIELD_BORDER = source(FORM_STYLES, 'border: 2px solid var(--loft-color-field-border, currentColor);');
/** The field-border tests: the themes whose decorative frames are light (Exempelby, Sjöstad). */
const FIELD_BORDER_TESTS = ['exempelby', 'sjostad'].map((theme) => form(`draws field borders at 3:1 or more in the ${theme} theme, whose light --loft-color-border is for decorative frames`));
const LANG_OF_PARTS = source('src/elements/shared/loft-element.ts', 'html`<span lang=${text.lang} dir=${ifDefined(this._dirOf(text))}>${text.text}</span>`');
const THROUGH_FORM = 'Its only input is the contact form it opens, which meets this as in the `<loft-contact-form>` report.';
const NO_INPUT = (folder) => absent(/<(input|select|textarea)\b/, `src/elements/${folder}`);
const FORM_CHECKS = form('checks the fields itself, with inline messages and a summary that links to each (sv)');
const FORM_KEYBOARD = form('can be completed with the keyboard alone');
/** The send button while sending: focus stays, aria-disabled and busy. */
const SENDING = form('is accessible while sending: the button keeps focus, is marked disabled and busy, and ignores clicks');
/** The spam check's challenge renewed before it expires, and replaced once when the receiver still refuses it. */
const ALTCHA_RENEWAL = [
  form('fetches a fresh spam check before sending when the one from the first keystroke has expired, and sends once'),
  form('solves a fresh spam check and sends once more by itself when the receiver refuses one that expired on the way, keeping what was typed'),
];
/** The project list's search landmark has a name of its own. */
const SEARCH_LANDMARK = list('names its search landmark apart from the list, so a screen reader’s list of landmarks tells them apart');
/** Every list drawn without markers keeps its role (Safari). */
const LIST_ROLE = embed('keep the list role of every list drawn without markers (Safari drops it unless role="list" says so)');
/** A contact panel whose form's code is missing: focus ring, message, console. */
const PANEL_FOCUS = embed('say in the contact panel that a file is missing when the contact form’s chunk was not uploaded, with focus shown on the panel');
const PHONE_FORMAT = source('src/contact/view.ts', "name === 'phone' ? r.t('contact-error-phone')");
const OPENS_FORM = members('moves focus into the contact form, on its first field');
const PROJECT_OPENS_FORM = project('opens "Kontakta Amanda" with focus inside the panel, and Escape brings focus back');

const HEADING_LEVEL = {
  en: 'Set `heading-level` so that the element\'s heading fits the page\'s outline (default 2: below the page\'s `<h1>`).',
  sv: 'Sätt `heading-level` så att widgetens rubrik passar in i sidans rubrikstruktur (standard 2: under sidans `<h1>`).',
};
const BORDER_COLOUR = {
  en: "If you set `--loft-color-field-border`, give it at least 3:1 against your background and `--loft-color-surface` (or leave it unset: it is then the text colour). `--loft-color-border` draws only decorative frames and may be light.",
  sv: 'Om ni sätter `--loft-color-field-border`, ge den minst 3:1 mot bakgrunden och mot `--loft-color-surface` (eller låt bli att sätta den: då är den textfärgen). `--loft-color-border` ritar bara dekorativa ramar och får vara ljus.',
};
const TEXT_SIZE = {
  en: "Prefer relative font sizes (rem, em, %) on the page around the widgets, which inherit theirs from it: zoom enlarges them either way, but the browser's own text size setting does not reach a size set in px.",
  sv: 'Använd hellre relativa textstorlekar (rem, em, %) på sidan runt widgetarna, som ärver sin storlek därifrån: zoom förstorar dem i vilket fall, men webbläsarens egen inställning för textstorlek når inte en storlek satt i px.',
};
const CONTAINER = {
  en: 'Put the widgets in a container that lets them grow and narrow: no fixed width or height and no `overflow: hidden` on it, so that a 320 px wide window does not cut them off.',
  sv: 'Placera widgetarna i en behållare som låter dem växa och smalna av: ingen fast bredd eller höjd och ingen `overflow: hidden` på den, så att ett 320 px brett fönster inte klipper dem.',
};

export const criteria = {
  '1.1.1': {
    all: {result: 'supports'},
    'loft-project-card': {
      reason: 'No images: facts and status are text; the loading skeleton is hidden from assistive technology.',
      evidence: [card('shows every fact of the seed page in Swedish'), card('shows a loading state that is announced and keeps its height'), story('elements-project-card--reference')],
    },
    'loft-member-list': {
      reason: "A photo's alt text is the feed's `image.alt`, else empty (decorative: the name is beside it); initials and the chevron are hidden from assistive technology.",
      evidence: [members('shows a photo that loads lazily and keeps its size, or initials when there is none'), story('elements-member-list--with-photos')],
      author: {
        en: "Give every photo whose content matters an `image.alt` in the feed: the widget cannot know what a photo shows.",
        sv: 'Ge varje foto vars innehåll har betydelse en `image.alt` i flödet: widgeten kan inte veta vad ett foto visar.',
      },
    },
    'loft-contact-form': {
      reason: 'No images; the asterisk of a required field is hidden from assistive technology, which gets `required` instead, and the legend "* Obligatoriskt" is text.',
      evidence: [form('makes no request before the visitor touches the form, then sends one submission the receiver stores with the exact notice (sv, legitimate interest, ALTCHA)'), hand('the error summary takes focus once, is not announced again while fields are fixed, and axe finds nothing, not even incomplete')],
    },
    'loft-project': {
      reason: 'No images of its own (quotation marks are generated punctuation); the nested card and member list as in their reports.',
      evidence: [project('renders the whole seed page from one tag'), story('elements-project--reference')],
    },
    'loft-project-list': {
      reason: "No images: each card's status is text.",
      evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls'), story('elements-project-list--exempelby')],
    },
  },
  '1.2.1': NO_MEDIA,
  '1.2.2': NO_MEDIA,
  '1.2.3': NO_MEDIA,
  '1.2.4': NO_MEDIA,
  '1.2.5': NO_MEDIA,
  '1.3.1': {
    all: {result: 'supports', author: HEADING_LEVEL},
    'loft-project-card': {
      reason: 'A heading whose level comes from `heading-level`; the facts a description list (`dl`, `dt`, `dd`); the partners a list (with `role="list"`, which Safari needs for a list drawn without markers).',
      evidence: [card('shows every fact of the seed page in Swedish'), card('sets its heading level from heading-level'), LIST_ROLE],
    },
    'loft-member-list': {
      reason: "A region named by its heading and its project (\"Projektmedlemmar (LOFT)\"), so several lists on a page are told apart, and no landmark for a list without a project (its heading still finds it); the people a list, each person's name a heading one level down; roles a list (both with `role=\"list\"`, which Safari needs for a list drawn without markers).",
      evidence: [
        members('shows the seed page\'s members with their roles, "Läs mer om Amanda" and "Kontakta Amanda"'),
        members('names its region after its project, so several lists on a page are told apart, and is no landmark without a project'),
        LIST_ROLE,
      ],
    },
    'loft-contact-form': {
      reason: 'Every field has a `<label>`; required fields have `required`; optional consents are a `fieldset` with a `legend`; an error is tied to its field by `aria-describedby` and `aria-invalid`.',
      evidence: [FORM_CHECKS, form('shows the public-task notice, public record and retention, and stores a ticked optional consent (en)'), form('sends nothing without the consent box, then sends once it is ticked (fi, consent)')],
    },
    'loft-project': {
      reason: 'An article headed by the title; description paragraphs; quotations as `figure`, `blockquote` and `figcaption`; the nested elements one heading level down, with their lists as in their reports.',
      evidence: [project('renders the whole seed page from one tag'), LIST_ROLE],
    },
    'loft-project-list': {
      reason: 'Each control has a `<label>`; the controls are a search landmark named "Sök och filtrera projekt", apart from the list\'s own region ("Projekt"); the cards a list (with `role="list"`, which Safari needs for a list drawn without markers), each with a heading one level down.',
      evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls'), SEARCH_LANDMARK, LIST_ROLE],
    },
  },
  '1.3.2': {
    all: {
      result: 'supports',
      reason: 'Reading order is source order: no CSS reorders content, and right-to-left layouts mirror through logical properties.',
      evidence: [absent(/\border\s*:|-reverse\b|grid-area|grid-row\s*:/, 'src/elements'), languages('lays Yiddish out right to left, from the language alone or from dir')],
    },
    'loft-contact-form': {
      reason: 'Reading and Tab order are source order: name, e-mail, the other fields, message, notice, consent, send; no CSS reorders content.',
      evidence: [FORM_KEYBOARD, absent(/\border\s*:|-reverse\b|grid-area|grid-row\s*:/, 'src/elements')],
    },
  },
  '1.3.3': {
    all: {result: 'supports', reason: 'Messages name things by their text ("Försök igen"), never by shape, colour, position or sound.'},
    'loft-project-card': {evidence: [card('shows a localized error with a retry that works')]},
    'loft-member-list': {evidence: [members('shows a loading state that is announced, then an error with retry')]},
    'loft-contact-form': {
      reason: 'Errors name the field by its label; "enligt ovan" in the consent label refers to the notice, which comes before it in reading order as well as on screen.',
      evidence: [FORM_CHECKS, form('sends nothing without the consent box, then sends once it is ticked (fi, consent)')],
    },
    'loft-project': {evidence: [project('says the project was not found, and shows a loading state')]},
    'loft-project-list': {evidence: [list('shows loading and error states')]},
  },
  '1.3.4': {all: {result: 'supports', reason: 'Nothing locks or depends on the orientation; layouts follow the width available.', evidence: [absent(/orientation/i, 'src')]}},
  '1.3.5': {
    all: {result: 'supports', reason: THROUGH_FORM},
    'loft-project-card': {result: 'not-applicable', reason: 'No input fields.', evidence: [NO_INPUT('project-card')]},
    'loft-member-list': {evidence: [OPENS_FORM]},
    'loft-contact-form': {
      reason: 'The name, e-mail, phone and organisation fields have `autocomplete` name, email, tel and organization.',
      evidence: [source('src/elements/contact-form/contact-form.ts', "const AUTOCOMPLETE = {name: 'name', email: 'email', phone: 'tel', organization: 'organization'"), OPENS_FORM, form('shows the public-task notice, public record and retention, and stores a ticked optional consent (en)')],
    },
    'loft-project': {evidence: [PROJECT_OPENS_FORM]},
    'loft-project-list': {
      result: 'not-applicable',
      reason: 'Its search and filters ask nothing about the visitor (the criterion is about input of information about the user).',
      evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls')],
    },
  },
  '1.4.1': {
    all: {result: 'supports'},
    'loft-project-card': {
      reason: 'Status is a word and links are underlined; nothing is told by colour alone.',
      evidence: [card('shows every fact of the seed page in Swedish'), source(SHARED_STYLES, 'text-decoration: underline;')],
    },
    'loft-member-list': {
      reason: 'Roles are words; an open contact panel shows a turned chevron as well as `aria-expanded`.',
      evidence: [hand('shows whether a panel is open, and sets "Stäng" well apart from "Skicka"'), members('opens the contact form for the person with the keyboard, moves focus inside, and Escape returns focus to the button')],
    },
    'loft-contact-form': {
      reason: 'An error is a message in words, a thicker border and a line in the summary, not a colour alone; a required field has an asterisk explained by the legend.',
      evidence: [FORM_CHECKS, source(FORM_STYLES, 'border-width: 3px;')],
    },
    'loft-project': {
      reason: 'As the card and the member list it contains; quotations are marked by quotation marks and indentation as well as the accent rule.',
      evidence: [project('renders the whole seed page from one tag'), hand('shows whether a panel is open, and sets "Stäng" well apart from "Skicka"')],
    },
    'loft-project-list': {
      reason: 'Each card says "Status: Pågående" in words; the project link is underlined.',
      evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls'), source(SHARED_STYLES, 'text-decoration: underline;')],
    },
  },
  '1.4.2': {all: {result: 'not-applicable', reason: 'Plays no sound.', evidence: [absent(/<audio\b|new Audio\(|AudioContext/, 'src')]}},
  '1.4.3': {
    all: {
      result: 'supports',
      reason: "Text takes the page's own text colour (so the page's contrast) unless the page sets `--loft-*` colours; axe checks contrast in every tested state in three browsers and in each theme story, a dark page among them.",
      author: {
        en: 'Check the contrast of every `--loft-color-*` you set, and of your own text and background: the widgets use them as given.',
        sv: 'Kontrollera kontrasten för varje `--loft-color-*` ni sätter, och för sidans egen text och bakgrund: widgetarna använder dem som de är.',
      },
    },
    'loft-project-card': {
      evidence: [card('shows every fact of the seed page in Swedish'), story('elements-project-card--theme-exempelby'), story('elements-project-card--theme-norrsken'), story('elements-project-card--theme-sjostad'), story('elements-project-card--theme-dark-page')],
    },
    'loft-member-list': {
      evidence: [members('shows the seed page\'s members with their roles, "Läs mer om Amanda" and "Kontakta Amanda"'), story('elements-member-list--theme-exempelby'), story('elements-member-list--theme-sjostad'), story('elements-member-list--theme-dark-page')],
    },
    'loft-contact-form': {
      reason: "Text takes the page's text colour unless `--loft-*` colours are set; error text, red mixed with the page's text colour, measures at least 4.5:1 on a dark page; axe checks contrast in every tested state and theme story.",
      evidence: [form('keeps its error messages readable on a dark host page that sets no --loft-* colours'), story('elements-contact-form--theme-dark-page-invalid'), story('elements-contact-form--theme-exempelby'), story('elements-contact-form--theme-sjostad')],
    },
    'loft-project': {evidence: [project('renders the whole seed page from one tag'), story('elements-project--theme-norrsken'), story('elements-project--theme-dark-page')]},
    'loft-project-list': {evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls'), story('elements-project-list--theme-exempelby'), story('elements-project-list--theme-dark-page')]},
  },
  '1.4.4': {
    all: {
      result: 'supports',
      reason: "Sizes are relative (em, rem) to the page's font size; on a host page with 35 px text and hostile CSS no text is clipped, hidden or overlapping.",
      evidence: [HOSTILE],
      author: TEXT_SIZE,
    },
  },
  '1.4.5': {
    all: {result: 'supports', reason: 'All text is real text, initials included; the widgets draw no images of text.', evidence: [absent(/<canvas\b|<svg\b|background-image/, 'src/elements')]},
    'loft-member-list': {reason: "All text is real text, initials included; the widgets draw no images of text (a photo is the feed's).", evidence: [absent(/<canvas\b|<svg\b|background-image/, 'src/elements'), members('shows a photo that loads lazily and keeps its size, or initials when there is none')]},
  },
  '1.4.10': {
    all: {result: 'supports', author: CONTAINER},
    'loft-project-card': {
      reason: 'The label and value columns stack below 36 em and long words break; nothing overflows on the hostile host page, about 20.6 em wide (720 px at 35 px text), like 320 px at 16 px.',
      evidence: [HOSTILE, story('elements-project-card--very-long-names')],
    },
    'loft-member-list': {reason: 'Photo and text stack when narrow; long names and titles wrap at 320 px without horizontal scrolling.', evidence: [members('reflows long texts at 320 px without horizontal scrolling'), HOSTILE]},
    'loft-contact-form': {
      reason: 'Fields are as wide as the form (at most 40 em) and stack; nothing overflows on the hostile host page, about 20.6 em wide (720 px at 35 px text); no test at exactly 320 px.',
      evidence: [HOSTILE],
    },
    'loft-project': {
      reason: 'A single column whose nested elements reflow as in their reports; nothing overflows on the hostile host page, about 20.6 em wide; no test at exactly 320 px.',
      evidence: [HOSTILE],
    },
    'loft-project-list': {reason: 'Controls and cards take as many columns as fit, down to one; no horizontal scrolling at 320 px.', evidence: [list('reflows at 320 px without horizontal scrolling'), HOSTILE]},
  },
  '1.4.11': {
    'loft-project-card': {
      result: 'supports',
      reason: "Its controls are underlined links and the retry button, bordered in the accent colour (the text colour when unset); focus rings are the text colour; the card's frame is decoration. Read from the styles: axe does not check this criterion.",
      evidence: [source(SHARED_STYLES, 'border: 2px solid var(--loft-color-accent, currentColor);'), source(SHARED_STYLES, 'outline: 3px solid currentColor;')],
    },
    'loft-member-list': {
      result: 'supports',
      reason: 'Its own buttons are bordered in the accent colour and its links underlined; the contact form it opens draws its field borders in the text colour unless `--loft-color-field-border` is set (see `<loft-contact-form>`). Read from the styles, and measured in the form\'s tests: axe does not check this criterion.',
      evidence: [source(SHARED_STYLES, 'border: 2px solid var(--loft-color-accent, currentColor);'), FIELD_BORDER, ...FIELD_BORDER_TESTS],
      author: BORDER_COLOUR,
    },
    'loft-contact-form': {
      result: 'supports',
      reason: "Field borders (2 px) have their own property, `--loft-color-field-border`, the text colour when unset; `--loft-color-border` draws only decorative frames. Measured from the computed styles in the two theme stories whose frame colour is light: Exempelby 14.3:1 on the field (#1c2630 on #f3f7fb) where its frame colour would give 1.6:1, Sjöstad 16.5:1 (#241a33 on #ffffff) where its frame colour would give 1.8:1. axe does not check this criterion.",
      evidence: [FIELD_BORDER, ...FIELD_BORDER_TESTS, story('elements-contact-form--theme-exempelby'), story('elements-contact-form--theme-sjostad')],
      author: BORDER_COLOUR,
    },
    'loft-project': {
      result: 'supports',
      reason: 'As its nested elements: buttons bordered in the accent colour, underlined links, and the contact form\'s field borders in the text colour unless `--loft-color-field-border` is set (see `<loft-contact-form>`).',
      evidence: [source(SHARED_STYLES, 'border: 2px solid var(--loft-color-accent, currentColor);'), FIELD_BORDER, ...FIELD_BORDER_TESTS],
      author: BORDER_COLOUR,
    },
    'loft-project-list': {
      result: 'supports',
      reason: "Search and filter boxes have a border in the text colour, buttons in the accent colour, focus rings in the text colour; card frames are decoration. Read from the styles: axe does not check this criterion.",
      evidence: [source('src/elements/project-list/project-list.styles.ts', 'border: 1px solid currentColor;'), source(SHARED_STYLES, 'border: 2px solid var(--loft-color-accent, currentColor);')],
    },
  },
  '1.4.12': {
    statement: {
      en: 'Visitors who change line height, letter spacing or word spacing with a bookmarklet or a browser extension that styles the page do not get those changes inside the widgets, which set their own values. With that spacing set inside the widgets, no text is cut off or lost.',
      sv: 'Besökare som ändrar radavstånd, teckenavstånd eller ordavstånd med ett bokmärkesskript (bookmarklet) eller ett webbläsartillägg som ändrar sidans stil får inte de ändringarna i widgetarna, som sätter egna värden. Med de avstånden satta i widgetarna klipps ingen text bort och inget går förlorat.',
    },
    all: {
      result: 'partial',
      reason: "With the criterion's spacing (line height 1.5, paragraph spacing 2em, letter spacing 0.12em, word spacing 0.16em) set in every shadow root of every widget, at 320 px and at 1024 px, all text stays visible and whole, nothing overflows its box or the widget, and nothing overlaps; layouts wrap and have no fixed heights. But spacing that a bookmarklet or an extension sets on the page does not reach the widgets' text: Shadow DOM keeps page styles out, and the widgets set their own line height and letter and word spacing so that a hostile page cannot collapse them.",
      evidence: [...[320, 1024].map((width) => embed(`keep every text whole with WCAG 1.4.12 text spacing in a ${width} px window (line height 1.5, paragraphs 2em, letters 0.12em, words 0.16em)`)), HOSTILE, source(SHARED_STYLES, 'letter-spacing: normal;')],
    },
  },
  '1.4.13': {
    all: {
      result: 'not-applicable',
      reason: 'Nothing appears on hover or focus: no tooltips or pop-ups; the contact panel opens on a click and stays until closed.',
      evidence: [absent(/title=|mouseenter|mouseover|@focus\b/, 'src/elements')],
    },
  },
  '2.1.1': {
    all: {result: 'supports'},
    'loft-project-card': {
      reason: 'Its only controls are links and the retry button, native elements reached with Tab and used with Enter; every click handler is on a native button or link (no keyboard test of its own).',
      evidence: [absent(/<(div|span|li|p|ul|dl|dt|dd|section|article)\b[^>]*@(click|mousedown|pointerdown)=/, 'src/elements'), card('shows a localized error with a retry that works')],
    },
    'loft-member-list': {
      reason: '"Kontakta X" opens and Escape closes the contact panel from the keyboard; "Visa fler" shows the next people; links and buttons are native.',
      evidence: [members('opens the contact form for the person with the keyboard, moves focus inside, and Escape returns focus to the button'), MEMBERS_MORE],
    },
    'loft-contact-form': {reason: 'Filled in, ticked and sent with the keyboard alone.', evidence: [FORM_KEYBOARD]},
    'loft-project': {reason: 'As its nested elements: "Kontakta Amanda" opens and Escape closes the panel from the keyboard.', evidence: [PROJECT_OPENS_FORM]},
    'loft-project-list': {
      reason: 'Search, native selects and "Visa fler" work from the keyboard.',
      evidence: [list('shows more on request and moves focus to the first new card'), list('announces the count once typing pauses')],
    },
  },
  '2.1.2': {
    all: {
      result: 'supports',
      reason: 'No focus trap: the contact panel is a disclosure in the page, not a modal; Tab moves on, Escape closes it; no code handles Tab.',
      evidence: [absent(/'Tab'|"Tab"/, 'src'), members('opens the contact form for the person with the keyboard, moves focus inside, and Escape returns focus to the button')],
    },
  },
  '2.1.4': {
    all: {
      result: 'not-applicable',
      reason: 'No keyboard shortcuts; the only key the widgets handle is Escape, which closes the contact panel.',
      evidence: [absent(/accesskey|\.key\s*===?\s*'[^']'/, 'src'), source('src/elements/shared/contact-disclosure.ts', "if (event.key !== 'Escape') return;")],
    },
  },
  '2.2.1': {
    all: {
      result: 'not-applicable',
      reason: 'No time limits: a feed that takes too long is a network time-out with a retry button, not a limit on the visitor.',
    },
    'loft-project-card': {evidence: [card('reports a timeout as such'), card('shows a localized error with a retry that works')]},
    'loft-member-list': {
      result: 'supports',
      reason: 'No limit of its own; the contact form it opens renews its spam check\'s expiring challenge itself, so the visitor is never held to it (see `<loft-contact-form>`).',
      evidence: [...ALTCHA_RENEWAL, OPENS_FORM],
    },
    'loft-contact-form': {
      result: 'supports',
      reason: "No limit on writing, and a refused send keeps every value. With ALTCHA, the challenge fetched at the first interaction expires (10 minutes in the reference receiver), but the visitor is never held to it: a challenge that expires within a minute is renewed while they write or before the message is sent, and a solution the receiver still refuses as expired is replaced and the message sent once more, without a word (the time limit is turned off for the visitor). Tested against the reference receiver with challenges that live 3 seconds.",
      evidence: [...ALTCHA_RENEWAL, source('server/altcha.mjs', 'export const CHALLENGE_LIFETIME_MS = 10 * 60_000;')],
    },
    'loft-project': {
      result: 'supports',
      reason: 'No limit of its own; the contact form it opens renews its spam check\'s expiring challenge itself, so the visitor is never held to it (see `<loft-contact-form>`).',
      evidence: [...ALTCHA_RENEWAL, PROJECT_OPENS_FORM],
    },
    'loft-project-list': {evidence: [list('shows loading and error states')]},
  },
  '2.2.2': {
    all: {
      result: 'supports',
      reason: 'The only motion is the loading skeleton\'s pulse: part of loading (essential, as Understanding 2.2.2 allows), over when the feed arrives or after 15 s, and off when the visitor asks for reduced motion.',
      evidence: [source(SHARED_STYLES, '@media (prefers-reduced-motion: no-preference)'), source('src/feed/read.ts', 'timeoutMs: 15_000,')],
    },
    'loft-project-card': {evidence: [source(SHARED_STYLES, '@media (prefers-reduced-motion: no-preference)'), card('shows a loading state that is announced and keeps its height')]},
  },
  '2.3.1': {
    all: {
      result: 'supports',
      reason: 'Nothing flashes: the loading skeleton fades between full and half opacity once every 1.5 s.',
      evidence: [source(SHARED_STYLES, 'animation: loft-pulse 1.5s ease-in-out infinite;')],
    },
  },
  '2.4.1': {
    all: {
      result: 'not-applicable',
      reason: "The page's: a widget is one block of a page, and skip links past blocks repeated on every page are the page's. Each widget starts with a heading, for navigation by heading.",
      evidence: [PAGE_RULES],
      author: {
        en: 'Provide a skip link past the blocks repeated on every page (header, menus); a widget placed on every page (a contact form in the footer) is one of them.',
        sv: 'Ha en länk som hoppar förbi det som upprepas på varje sida (sidhuvud, menyer); en widget som finns på varje sida (ett kontaktformulär i sidfoten) räknas dit.',
      },
    },
  },
  '2.4.2': {
    all: {
      result: 'not-applicable',
      reason: "The page's: the widgets never set the page title.",
      evidence: [absent(/document\.title/, 'src')],
      author: {en: 'Give every page a title that says what it is about.', sv: 'Ge varje sida en titel som säger vad den handlar om.'},
    },
  },
  '2.4.3': {
    all: {result: 'supports'},
    'loft-project-card': {reason: 'Focus moves in source order; after "Försök igen" focus stays in the element instead of falling back to the start of the page.', evidence: [card('shows a localized error with a retry that works')]},
    'loft-member-list': {
      reason: '"Kontakta X" moves focus to the first field of the form right below it; closing returns focus to the button; "Visa fler" moves focus to the first of the people it shows.',
      evidence: [members('opens the contact form for the person with the keyboard, moves focus inside, and Escape returns focus to the button'), members('closes with the close button and with a second press of the opener, returning focus'), OPENS_FORM, MEMBERS_MORE],
    },
    'loft-contact-form': {
      reason: 'Tab order follows the form; the error summary takes focus and its links move focus to their field; focus stays on the send button while sending; a failure message or the confirmation takes focus.',
      evidence: [FORM_KEYBOARD, FORM_CHECKS, SENDING, form('keeps every value after a 500 answer, and sending again is one click')],
    },
    'loft-project': {
      reason: 'Source order; the contact panel takes focus when opened and gives it back to its button when closed.',
      evidence: [PROJECT_OPENS_FORM, project("offers the project's contact form when there is no contact person")],
    },
    'loft-project-list': {
      reason: 'The controls come before the results; "Visa fler" moves focus to the first new card; a server-rendered filter focused before the feed arrived keeps focus when the element\'s own takes its place.',
      evidence: [list('shows more on request and moves focus to the first new card'), test('ssr.test.ts')("keep the focus of a visitor who chose a list's filter before the feed arrived")],
    },
  },
  '2.4.4': {
    all: {result: 'supports'},
    'loft-project-card': {
      reason: 'Partner links are named by the organisation, the website link by its address in the row "Projektets webbplats", the compact card\'s link by the project\'s name.',
      evidence: [card('links each partner that has a URL'), card('takes the feed as the .data property'), list('shows name (linked to the project page, else the website), title, status and a short summary')],
    },
    'loft-member-list': {reason: '"Läs mer om Amanda", with the full name in its accessible name: unique per person.', evidence: [members('gives every link and button a name unique per person that starts with the visible words')]},
    'loft-contact-form': {
      reason: 'The privacy link names whose handling of personal data it explains; each error summary link is the error it leads to.',
      evidence: [form('shows the public-task notice, public record and retention, and stores a ticked optional consent (en)'), FORM_CHECKS],
    },
    'loft-project': {reason: 'Its links are those of the nested card and member list.', evidence: [project('renders the whole seed page from one tag'), members('gives every link and button a name unique per person that starts with the visible words')]},
    'loft-project-list': {
      reason: "Each card's heading is a link named by the project (the compact card's template).",
      evidence: [source('src/elements/project-list/project-list.ts', 'compactCard(card, this._level(1)'), list('shows name (linked to the project page, else the website), title, status and a short summary')],
    },
  },
  '2.4.5': {
    all: {
      result: 'not-applicable',
      reason: "The site's: ways to find a page are the site's; a widget has no navigation of its own.",
      evidence: [NO_NAVIGATION],
      author: {en: 'Offer more than one way to find each page (menu, search, site map).', sv: 'Erbjud mer än ett sätt att hitta varje sida (meny, sökning, webbplatskarta).'},
    },
  },
  '2.4.6': {
    all: {result: 'supports'},
    'loft-project-card': {reason: 'The heading ("Sammanfattning", or the project\'s name) and the fact labels say what follows.', evidence: [card('shows every fact of the seed page in Swedish')]},
    'loft-member-list': {
      reason: 'The heading ("Projektmedlemmar") and each person\'s name as a heading; an editor who replaces the heading text with `heading` chooses its words.',
      evidence: [members('shows the seed page\'s members with their roles, "Läs mer om Amanda" and "Kontakta Amanda"')],
    },
    'loft-contact-form': {
      reason: 'The heading names the recipient ("Kontakta Amanda"); each label names its field.',
      evidence: [form('makes no request before the visitor touches the form, then sends one submission the receiver stores with the exact notice (sv, legitimate interest, ALTCHA)'), FORM_CHECKS],
    },
    'loft-project': {reason: "The project's title heads it; the nested elements' headings as in their reports.", evidence: [project('renders the whole seed page from one tag')]},
    'loft-project-list': {
      reason: 'The heading ("Projekt") and the labels "Sök bland projekten", "Status", "Organisation", "Sortera efter"; the search landmark is "Sök och filtrera projekt", so it is not a second "Projekt".',
      evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls'), SEARCH_LANDMARK],
    },
  },
  '2.4.7': {
    all: {
      result: 'supports',
      reason: 'Links and buttons show a 3 px outline in the text colour on keyboard focus (`:focus-visible`). Read from the styles: no test looks at the ring.',
      evidence: [source(SHARED_STYLES, 'outline: 3px solid currentColor;')],
    },
    'loft-contact-form': {
      reason: 'Fields, links, buttons and the focused summary show a 3 px outline in the accent (else text) colour on keyboard focus. Read from the styles: no test looks at the ring.',
      evidence: [source(FORM_STYLES, 'outline: 3px solid var(--loft-color-accent, currentColor);'), source(SHARED_STYLES, 'outline: 3px solid currentColor;')],
    },
    'loft-member-list': {
      reason: 'Links and buttons show a 3 px outline in the text colour on keyboard focus (read from the styles); so does the contact panel, which holds focus while the form\'s code loads and keeps it, with a message, when that code cannot be loaded: measured on a host page, in forced colours too (Chromium).',
      evidence: [source(SHARED_STYLES, 'outline: 3px solid currentColor;'), PANEL_FOCUS],
    },
    'loft-project': {
      reason: 'Links and buttons show a 3 px outline in the text colour on keyboard focus (read from the styles); so does its contact panel while focus waits in it, as in the member list\'s, whose panel is measured on a host page.',
      evidence: [source(SHARED_STYLES, 'outline: 3px solid currentColor;'), source('src/elements/shared/contact-disclosure.styles.ts', '.panel:focus-visible {'), PANEL_FOCUS],
    },
    'loft-project-list': {
      reason: 'Fields, links, buttons and the card that "Visa fler" focuses show a 3 px outline in the text colour on keyboard focus. Read from the styles: no test looks at the ring.',
      evidence: [source('src/elements/project-list/project-list.styles.ts', '.item:focus-visible {'), source(SHARED_STYLES, 'outline: 3px solid currentColor;')],
    },
  },
  '2.5.1': {all: {result: 'not-applicable', reason: 'No gestures: everything is a click, a tap or a key.', evidence: [absent(/touchstart|touchmove|pointermove|gesture/i, 'src')]}},
  '2.5.2': {
    all: {
      result: 'supports',
      reason: 'Actions run on the click (the up event) of native buttons and links; nothing acts on mouse, pointer or touch down.',
      evidence: [absent(/mousedown|pointerdown|touchstart/, 'src')],
    },
    'loft-contact-form': {
      reason: 'Actions run on the click of native buttons and links; nothing moves under the pointer between press and release of "Skicka".',
      evidence: [absent(/mousedown|pointerdown|touchstart/, 'src'), hand('a real mouse click on "Skicka" before any field is touched shows the error summary: nothing moves under the pointer')],
    },
  },
  '2.5.3': {
    all: {result: 'supports'},
    'loft-project-card': {reason: 'Link names are their visible text.', evidence: [card('links each partner that has a URL'), card('shows every fact of the seed page in Swedish')]},
    'loft-member-list': {
      reason: 'Where the accessible name adds the full name ("Läs mer om Amanda Sundberg"), it starts with the visible words.',
      evidence: [members('gives every link and button a name unique per person that starts with the visible words')],
    },
    'loft-contact-form': {reason: 'Fields are named by their visible `<label>`; buttons by their text.', evidence: [FORM_CHECKS]},
    'loft-project': {reason: 'As the nested member list ("Kontakta Amanda"); "Kontakta oss" is named by its text.', evidence: [project("offers the project's contact form when there is no contact person"), members('gives every link and button a name unique per person that starts with the visible words')]},
    'loft-project-list': {reason: 'Controls are named by their visible labels.', evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls')]},
  },
  '2.5.4': {all: {result: 'not-applicable', reason: 'Nothing responds to moving the device.', evidence: [absent(/devicemotion|deviceorientation/i, 'src')]}},
  '3.1.1': {
    all: {
      result: 'not-applicable',
      reason: "The page's: its language is the page's `<html lang>`, which the widgets follow live and never change.",
      evidence: [card('shows the facts in English and Finnish, and follows <html lang> live'), embed('all switch language when the page changes <html lang> after load'), absent(/documentElement\.lang\s*=/, 'src')],
      author: {
        en: "Set `<html lang>` to the page's language (`sv`); the widgets take theirs from it. A `lang` attribute on a widget is only for a page whose own is wrong.",
        sv: 'Sätt `<html lang>` till sidans språk (`sv`); widgetarna tar sitt språk därifrån. Ett `lang`-attribut på en widget behövs bara om sidans eget är fel.',
      },
    },
  },
  '3.1.2': {
    all: {
      result: 'supports',
      reason: "Feed text in another language than the page's, and built-in text that falls back to another language, carry their own `lang` (and `dir`).",
      author: {
        en: "Write the feed's texts with their languages (`{\"sv\": …, \"en\": …}`); a plain string is taken to be in the feed's `language`.",
        sv: 'Skriv flödets texter med sina språk (`{"sv": …, "en": …}`); en enkel textsträng antas vara på flödets `language`.',
      },
    },
    'loft-project-card': {evidence: [card('marks feed text that is not in the page language with its own lang'), languages('a page catalog gives Northern Sami: its texts, Swedish (marked as such) where it has none, and its month names')]},
    'loft-member-list': {
      reason: "Feed text in another language than the page's carries its own `lang`, by the code the card uses (no member-list test of its own).",
      evidence: [LANG_OF_PARTS, card('marks feed text that is not in the page language with its own lang')],
    },
    'loft-contact-form': {
      reason: "Feed text in another language carries its own `lang`, and a note in the visitor's language says which language it is in.",
      evidence: [form('says next to a feed text that it is not in the visitor’s language, and records the language it was shown in (fi)'), form('notes a form notice that is not in the visitor’s language, and keeps the note in the record of what was shown (fi, consent)')],
    },
    'loft-project': {evidence: [project('speaks fi')]},
    'loft-project-list': {
      reason: "Feed text in another language than the page's carries its own `lang`, by the code the card uses (no list test of its own).",
      evidence: [LANG_OF_PARTS, card('marks feed text that is not in the page language with its own lang')],
    },
  },
  '3.2.1': {
    all: {result: 'supports', reason: 'Focus changes nothing by itself: the element has no focus handlers.'},
    'loft-project-card': {evidence: [absent(/@focus|focusin|onfocus/, 'src/elements/project-card')]},
    'loft-member-list': {evidence: [absent(/@focus|focusin|onfocus/, 'src/elements/member-list'), absent(/@focus|focusin|onfocus/, 'src/elements/shared')]},
    'loft-contact-form': {
      reason: 'Focusing the form starts the spam check in the background; nothing visible changes and nothing is announced.',
      evidence: [hand('says nothing while the visitor moves into a field, though the spam check starts and finishes')],
    },
    'loft-project': {evidence: [absent(/@focus|focusin|onfocus/, 'src/elements/project'), absent(/@focus|focusin|onfocus/, 'src/elements/shared')]},
    'loft-project-list': {evidence: [absent(/@focus|focusin|onfocus/, 'src/elements/project-list')]},
  },
  '3.2.2': {
    all: {result: 'supports', reason: 'Typing or ticking a box in the contact form it opens changes nothing else; only the send button sends.'},
    'loft-project-card': {result: 'not-applicable', reason: 'No form controls.', evidence: [NO_INPUT('project-card')]},
    'loft-member-list': {evidence: [FORM_KEYBOARD, OPENS_FORM]},
    'loft-contact-form': {
      reason: 'Typing or ticking a box changes nothing else; only the send button sends, and under `consent` not without the ticked box.',
      evidence: [FORM_KEYBOARD, form('sends nothing without the consent box, then sends once it is ticked (fi, consent)')],
    },
    'loft-project': {evidence: [FORM_KEYBOARD, PROJECT_OPENS_FORM]},
    'loft-project-list': {
      reason: 'A filter or a search updates the results below in place (a change of content, not of context) and focus stays; with `url-state` the address changes too, without leaving the page.',
      evidence: [list('filters by status and by organisation, preset by attributes too'), list("writes the visitor's choices into the address, and Back undoes a filter")],
    },
  },
  '3.2.3': {
    all: {
      result: 'not-applicable',
      reason: "The site's: the widgets have no navigation.",
      evidence: [NO_NAVIGATION],
      author: {en: 'Keep menus and other repeated navigation in the same order on every page.', sv: 'Ha menyer och annan upprepad navigering i samma ordning på alla sidor.'},
    },
  },
  '3.2.4': {
    all: {
      result: 'supports',
      reason: 'One function has one name in every element: "Kontakta X", "Läs mer om X", "Laddar…", "Försök igen", "Stäng".',
      evidence: [
        project('renders the whole seed page from one tag'),
        members('shows the seed page\'s members with their roles, "Läs mer om Amanda" and "Kontakta Amanda"'),
        card('shows a loading state that is announced and keeps its height'),
        members('shows a loading state that is announced, then an error with retry'),
      ],
    },
  },
  '3.3.1': {
    all: {result: 'supports', reason: 'Through the contact form it opens (see `<loft-contact-form>`).', evidence: [FORM_CHECKS, OPENS_FORM]},
    'loft-project-card': {result: 'not-applicable', reason: 'No input.', evidence: [NO_INPUT('project-card')]},
    'loft-contact-form': {
      reason: 'Each error is described in text at its field (tied by `aria-describedby`, marked `aria-invalid`) and in a summary that takes focus; the receiver\'s field errors are shown the same way.',
      evidence: [FORM_CHECKS, form('shows the receiver’s 422 field errors on the fields'), hand('the error summary takes focus once, is not announced again while fields are fixed, and axe finds nothing, not even incomplete')],
    },
    'loft-project': {evidence: [FORM_CHECKS, PROJECT_OPENS_FORM]},
    'loft-project-list': {
      result: 'not-applicable',
      reason: 'A search or a filter cannot be wrong; no match says "Inget projekt matchar.".',
      evidence: [list('searches name, title and summary without regard to case or diacritics')],
    },
  },
  '3.3.2': {
    all: {result: 'supports', reason: 'Through the contact form it opens (see `<loft-contact-form>`).', evidence: [FORM_CHECKS, OPENS_FORM]},
    'loft-project-card': {result: 'not-applicable', reason: 'No input.', evidence: [NO_INPUT('project-card')]},
    'loft-contact-form': {
      reason: 'A visible label for every field; "* Obligatoriskt" explains the asterisk; the consent box has its label, the optional ones a legend.',
      evidence: [form('makes no request before the visitor touches the form, then sends one submission the receiver stores with the exact notice (sv, legitimate interest, ALTCHA)'), form('shows the public-task notice, public record and retention, and stores a ticked optional consent (en)')],
    },
    'loft-project': {evidence: [FORM_CHECKS, PROJECT_OPENS_FORM]},
    'loft-project-list': {reason: 'A visible label for the search and each filter.', evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls')]},
  },
  '3.3.3': {
    all: {
      result: 'supports',
      reason: 'Through the contact form it opens, whose errors say how to correct them (see `<loft-contact-form>`).',
      evidence: [PHONE_FORMAT, OPENS_FORM],
    },
    'loft-project-card': {result: 'not-applicable', reason: 'No input.', evidence: [NO_INPUT('project-card')]},
    'loft-project': {evidence: [PHONE_FORMAT, PROJECT_OPENS_FORM]},
    'loft-contact-form': {
      reason: 'Errors say how to correct them: a missing field, an e-mail address "like namn@exempel.se", the longest length allowed, and a phone number in the wrong format what it may contain, with examples ("Skriv telefonnumret med siffror, till exempel 070-123 45 67 eller +46 70 123 45 67. Du kan använda mellanslag, bindestreck, parenteser och + i början."), at the field and in the summary, in each language.',
      evidence: [
        FORM_CHECKS,
        ...['sv', 'en', 'fi'].map((lang) => form(`says which format a phone number takes when it is written wrongly, at the field and in the summary (${lang})`)),
        PHONE_FORMAT,
      ],
    },
    'loft-project-list': {result: 'not-applicable', reason: 'A search or a filter cannot be wrong.', evidence: [list('searches name, title and summary without regard to case or diacritics')]},
  },
  '3.3.4': {
    all: {
      result: 'supports',
      reason: 'Through the contact form it opens (see `<loft-contact-form>`): input is checked and can be corrected before anything is sent.',
      evidence: [FORM_CHECKS, OPENS_FORM],
    },
    'loft-project-card': {result: 'not-applicable', reason: 'No input.', evidence: [NO_INPUT('project-card')]},
    'loft-contact-form': {
      reason: 'A message commits the visitor to nothing legal or financial and changes no stored data of theirs; where a municipality counts it as such (it becomes an allmän handling), input is checked and can be corrected before anything is sent ("Checked"), and under `consent` nothing is sent without the ticked box.',
      evidence: [FORM_CHECKS, form('sends nothing without the consent box, then sends once it is ticked (fi, consent)'), form('notice (sv, public-task, public record): purpose, the right to object in a paragraph of its own, allmän handling')],
    },
    'loft-project': {evidence: [FORM_CHECKS, PROJECT_OPENS_FORM]},
    'loft-project-list': {result: 'not-applicable', reason: 'Nothing is sent or stored.', evidence: [list('filters by status and by organisation, preset by attributes too')]},
  },
  '4.1.1': {
    all: {
      result: 'supports',
      reason: "The DOM is built by Lit's templates, never parsed from strings, and feed text never becomes markup; ids are unique within each shadow root (W3C's 2023 errata: always met for HTML).",
      evidence: [absent(/unsafeHTML|innerHTML|insertAdjacentHTML/, 'src/elements')],
    },
    'loft-project-card': {evidence: [absent(/unsafeHTML|innerHTML|insertAdjacentHTML/, 'src/elements'), {test: 'test/feed-property.test.ts', it: 'renders any feed safely (seed ${SEED}, ${RUNS} runs)'}]},
    'loft-contact-form': {evidence: [absent(/unsafeHTML|innerHTML|insertAdjacentHTML/, 'src/elements'), hand('the error summary takes focus once, is not announced again while fields are fixed, and axe finds nothing, not even incomplete')]},
  },
  '4.1.2': {
    all: {result: 'supports'},
    'loft-project-card': {
      reason: 'Native links and button; the heading\'s role and level; `aria-busy` while loading.',
      evidence: [card('shows every fact of the seed page in Swedish'), card('reads an inline JSON feed')],
    },
    'loft-member-list': {
      reason: 'Native links and buttons with names; the disclosure says `aria-expanded` and `aria-controls`.',
      evidence: [members('opens the contact form for the person with the keyboard, moves focus inside, and Escape returns focus to the button')],
    },
    'loft-contact-form': {
      reason: 'Native fields with labels, `required`, `aria-invalid` and `aria-describedby`; while sending, the send button is `aria-disabled` (not `disabled`, so focus stays on it) and `aria-busy`, and ignores clicks.',
      evidence: [SENDING, FORM_CHECKS],
    },
    'loft-project': {reason: 'As its nested elements; its own button is a native disclosure button.', evidence: [project('renders the whole seed page from one tag'), project("offers the project's contact form when there is no contact person")]},
    'loft-project-list': {
      reason: 'A native search box and selects with labels, native links and button.',
      evidence: [list('lists every project as a compact card, sorted by name, with a count and labelled controls'), list('filters by status and by organisation, preset by attributes too')],
    },
  },
  '4.1.3': {
    all: {result: 'supports'},
    'loft-project-card': {
      reason: 'Loading is a polite status ("Laddar…"); an error is an alert.',
      evidence: [card('shows a loading state that is announced and keeps its height'), card('shows a localized error with a retry that works')],
    },
    'loft-member-list': {
      reason: "Loading is a polite status; an error is an alert, and so is the message in a contact panel whose form's code cannot be loaded.",
      evidence: [members('shows a loading state that is announced, then an error with retry'), PANEL_FOCUS],
    },
    'loft-contact-form': {
      reason: '"Skickar…" and the spam-check notice are polite status messages below the button; errors are an alert summary, announced once per send; the confirmation is a status.',
      evidence: [
        hand('sending before the spam check is done says so once, politely, below the button'),
        hand('the error summary takes focus once, is not announced again while fields are fixed, and axe finds nothing, not even incomplete'),
        SENDING,
      ],
    },
    'loft-project': {reason: 'Loading is a polite status; an error is an alert.', evidence: [project('says the project was not found, and shows a loading state')]},
    'loft-project-list': {
      reason: 'The number of results is shown above the cards and becomes a polite live region (`aria-live`) only when the visitor changes the search, a filter, the sort or the page, so it is said after their change, once typing pauses, and never at load; loading and errors as in the other elements.',
      evidence: [
        list('announces the count only after the visitor changes the search, a filter, the sort or the page, not as the page loads'),
        list('announces the count once typing pauses'),
        list('shows loading and error states'),
      ],
    },
  },
};
