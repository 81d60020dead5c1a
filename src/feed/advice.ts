/**
 * Advice for editors: things a valid feed may still get wrong in law or for visitors, which
 * validation cannot call errors. Pure and without the schema, so the validator CLI and an
 * element's console can both use it.
 *
 * Give it the feed as written (the parsed JSON), so each `path` counts items as the editor's
 * file does; parts that validation rejects are passed over here.
 */
import {primaryOf} from '../i18n/chain.js';
import {ISO_DATE, isCalendarDate} from './dates.js';

/** What a piece of advice is about. */
export type AdviceKind = 'authority-legitimate-interest' | 'consent-without-notice' | 'missing-language' | 'no-retention' | 'ends-before-start';

/** One piece of advice: where (a JSON path like `contactForms[0].legalBasis`), what about, and what to do, in English. */
export interface Advice {
  kind: AdviceKind;
  path: string;
  message: string;
}

export interface AdviceOptions {
  /** The languages the pages that show this feed can be in (primary tags): default Swedish, English and Finnish. */
  languages?: readonly string[];
  /** How many pieces are written out in full (default all); every further one is counted (`collectAdvice`). */
  max?: number;
}

/** The first pieces of advice in full, and every piece counted by kind. */
export interface AdviceResult {
  advice: Advice[];
  counts: Partial<Record<AdviceKind, number>>;
}

/** Organisation types that are public authorities (myndigheter) in Swedish law. */
const AUTHORITY_TYPES: Record<string, string> = {municipality: 'a municipality', region: 'a region', 'government-agency': 'a government agency'};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** "Finnish (fi)", or the tag alone where Intl has no English names. */
function languageName(tag: string, names: Intl.DisplayNames): string {
  try {
    const name = names.of(tag);
    return name ? `${name} (${tag})` : `"${tag}"`;
  } catch {
    return `"${tag}"`;
  }
}

/** The primary languages a LocalizedText has a non-empty text in. */
function languagesOf(text: unknown, feedLanguage: string): Set<string> | undefined {
  if (typeof text === 'string') return new Set(text.trim() ? [primaryOf(feedLanguage)] : []);
  if (!isObject(text)) return undefined;
  return new Set(Object.entries(text).filter(([, value]) => typeof value === 'string' && value.trim()).map(([tag]) => primaryOf(tag)));
}

/**
 * Warnings for editors about a feed's contact forms:
 * - a controller whose organisation is a public authority (`municipality`, `region`,
 *   `government-agency`) using `legitimate-interest`, which GDPR art. 6(1), last
 *   subparagraph, rules out for authorities performing their tasks;
 * - a consent label or a form's `notice` without a text in one of `languages` (the
 *   visitor then reads it in another language, with a note saying so);
 * - a form without `retention` (visitors are not told how long their message is kept,
 *   GDPR art. 13(2)(a));
 * - a `consent` form without `notice` (nothing tells visitors what they consent to,
 *   GDPR art. 4(11));
 * - a project whose `endDate` comes before its `startDate` (a card would show the period
 *   backwards).
 */
export function adviseFeed(feed: unknown, options: AdviceOptions = {}): Advice[] {
  return collectAdvice(feed, options).advice;
}

/**
 * `adviseFeed` with every piece counted by kind: the first `options.max` in full (a 20 MB
 * feed of 390,000 contact forms without `retention` would otherwise make 90 MB of advice).
 */
export function collectAdvice(feed: unknown, options: AdviceOptions = {}): AdviceResult {
  const advice: Advice[] = [];
  const counts: AdviceResult['counts'] = {};
  if (!isObject(feed)) return {advice, counts};
  const max = options.max ?? Infinity;
  const wanted = [...new Set((options.languages ?? ['sv', 'en', 'fi']).map(primaryOf))];
  const feedLanguage = typeof feed.language === 'string' ? feed.language : 'sv';
  const organizations = new Map(
    list(feed.organizations)
      .filter(isObject)
      .map((o) => [o.id, o])
  );
  const names = new Intl.DisplayNames(['en'], {type: 'language', fallback: 'none'});

  /** Counts a piece of advice, and writes it out while it is among the first `max`. */
  const add = (kind: AdviceKind, path: string, message: () => string) => {
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (advice.length < max) advice.push({kind, path, message: message()});
  };

  const coverage = (path: string, text: unknown, what: string) => {
    const has = languagesOf(text, feedLanguage);
    if (!has?.size) return;
    const missing = wanted.filter((lang) => !has.has(lang));
    if (!missing.length) return;
    add(
      'missing-language',
      path,
      () =>
        `${path}: ${what} has no text in ${missing.map((tag) => languageName(tag, names)).join(', ')}. A visitor on such a page reads it in another language, with a note that it is not in theirs. Add ${missing.map((l) => `"${l}"`).join(', ')} to it.`
    );
  };

  list(feed.contactForms).forEach((form, i) => {
    if (!isObject(form)) return;
    const at = `contactForms[${i}]`;
    const controller = isObject(form.controller) ? form.controller : {};
    const organization = organizations.get(controller.organization);
    const type: unknown = organization?.type;
    // Own entries only: a type may be "constructor", as any string may.
    const authority = typeof type === 'string' && Object.hasOwn(AUTHORITY_TYPES, type) ? AUTHORITY_TYPES[type] : undefined;
    if (form.legalBasis === 'legitimate-interest' && authority) {
      add(
        'authority-legitimate-interest',
        `${at}.legalBasis`,
        () =>
          `${at}.legalBasis: "legitimate-interest" is not a legal basis for a public authority performing its tasks (GDPR art. 6(1), last subparagraph), and the controller's organisation "${String(controller.organization)}" is ${authority}. Use "public-task", or "consent" where the visitor truly has a free choice.`
      );
    }
    if (form.notice !== undefined) coverage(`${at}.notice`, form.notice, "the form's notice");
    else if (form.legalBasis === 'consent') {
      add(
        'consent-without-notice',
        `${at}.notice`,
        () =>
          `${at}: a "consent" form without "notice". The consent box says "as described above", but nothing above says what the data are used for (GDPR art. 4(11), 13(1)(c)). Add a "notice" that states the purpose.`
      );
    }
    list(form.optionalConsents).forEach((consent, j) => {
      if (isObject(consent)) coverage(`${at}.optionalConsents[${j}].label`, consent.label, 'this consent label');
    });
    if (form.retention === undefined) {
      add(
        'no-retention',
        `${at}.retention`,
        () =>
          `${at}: no "retention". Visitors are not told how long their message is kept (GDPR art. 13(2)(a)), and a receiver has no period to delete it after. Add one, e.g. "retention": "P2Y".`
      );
    }
  });

  list(feed.projects).forEach((project, i) => {
    if (!isObject(project)) return;
    const {startDate: start, endDate: end} = project;
    if (!isDate(start) || !isDate(end)) return;
    // ISO dates compare as text, at the precision both have ("2023" does not end before "2023-05").
    const precision = Math.min(start.length, end.length);
    if (end.slice(0, precision) >= start.slice(0, precision)) return;
    add('ends-before-start', `projects[${i}].endDate`, () => `projects[${i}]: "endDate" ${end} is before "startDate" ${start}, so a card shows the period backwards. Correct one of them.`);
  });
  return {advice, counts};
}

/** A date as validation takes it: 2023, 2023-09 or 2023-09-01, a day the calendar has. */
const isDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value) && isCalendarDate(value);
