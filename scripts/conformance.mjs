#!/usr/bin/env node
// The accessibility conformance reports in docs/accessibility/, generated from one source,
// docs/accessibility/criteria.mjs: for each element, every WCAG 2.1 level A and AA success
// criterion with a result, a one-line reason and the evidence (a test, a story, a line of
// source, or a pattern the source must not contain).
//
//   node scripts/conformance.mjs          writes docs/accessibility/<element>.md and the
//                                         generated parts of its README.md and statement templates
//   node scripts/conformance.mjs --check  fails (npm test) when an element misses one of the
//                                         50 criteria, a criterion lacks a result, reason or
//                                         evidence, a cited test title, story id, file or text
//                                         does not exist, or a generated file is out of date
import {existsSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DOCS = 'docs/accessibility';

/**
 * WCAG 2.1's level A and AA success criteria: [number, level, name]. Written out here, apart
 * from the assessments, so that an assessment left out of criteria.mjs is a missing
 * criterion, not a shorter list. EN 301 549 V3.2.1 gives web content clause 9 plus the number.
 */
export const WCAG21 = [
  ['1.1.1', 'A', 'Non-text Content'],
  ['1.2.1', 'A', 'Audio-only and Video-only (Prerecorded)'],
  ['1.2.2', 'A', 'Captions (Prerecorded)'],
  ['1.2.3', 'A', 'Audio Description or Media Alternative (Prerecorded)'],
  ['1.2.4', 'AA', 'Captions (Live)'],
  ['1.2.5', 'AA', 'Audio Description (Prerecorded)'],
  ['1.3.1', 'A', 'Info and Relationships'],
  ['1.3.2', 'A', 'Meaningful Sequence'],
  ['1.3.3', 'A', 'Sensory Characteristics'],
  ['1.3.4', 'AA', 'Orientation'],
  ['1.3.5', 'AA', 'Identify Input Purpose'],
  ['1.4.1', 'A', 'Use of Color'],
  ['1.4.2', 'A', 'Audio Control'],
  ['1.4.3', 'AA', 'Contrast (Minimum)'],
  ['1.4.4', 'AA', 'Resize text'],
  ['1.4.5', 'AA', 'Images of Text'],
  ['1.4.10', 'AA', 'Reflow'],
  ['1.4.11', 'AA', 'Non-text Contrast'],
  ['1.4.12', 'AA', 'Text Spacing'],
  ['1.4.13', 'AA', 'Content on Hover or Focus'],
  ['2.1.1', 'A', 'Keyboard'],
  ['2.1.2', 'A', 'No Keyboard Trap'],
  ['2.1.4', 'A', 'Character Key Shortcuts'],
  ['2.2.1', 'A', 'Timing Adjustable'],
  ['2.2.2', 'A', 'Pause, Stop, Hide'],
  ['2.3.1', 'A', 'Three Flashes or Below Threshold'],
  ['2.4.1', 'A', 'Bypass Blocks'],
  ['2.4.2', 'A', 'Page Titled'],
  ['2.4.3', 'A', 'Focus Order'],
  ['2.4.4', 'A', 'Link Purpose (In Context)'],
  ['2.4.5', 'AA', 'Multiple Ways'],
  ['2.4.6', 'AA', 'Headings and Labels'],
  ['2.4.7', 'AA', 'Focus Visible'],
  ['2.5.1', 'A', 'Pointer Gestures'],
  ['2.5.2', 'A', 'Pointer Cancellation'],
  ['2.5.3', 'A', 'Label in Name'],
  ['2.5.4', 'A', 'Motion Actuation'],
  ['3.1.1', 'A', 'Language of Page'],
  ['3.1.2', 'AA', 'Language of Parts'],
  ['3.2.1', 'A', 'On Focus'],
  ['3.2.2', 'A', 'On Input'],
  ['3.2.3', 'AA', 'Consistent Navigation'],
  ['3.2.4', 'AA', 'Consistent Identification'],
  ['3.3.1', 'A', 'Error Identification'],
  ['3.3.2', 'A', 'Labels or Instructions'],
  ['3.3.3', 'AA', 'Error Suggestion'],
  ['3.3.4', 'AA', 'Error Prevention (Legal, Financial, Data)'],
  ['4.1.1', 'A', 'Parsing'],
  ['4.1.2', 'A', 'Name, Role, Value'],
  ['4.1.3', 'AA', 'Status Messages'],
].map(([id, level, name]) => ({id, level, name, en: `9.${id}`}));

/** Results in the words of a VPAT / the EU's ACR template. */
export const RESULTS = {
  supports: 'Supports',
  partial: 'Partially supports',
  'does-not-support': 'Does not support',
  'not-applicable': 'Not applicable',
};

// ---------------------------------------------------------------------------------------
// What the repository has to cite: test titles and story ids, read as their runners do.

const UNKNOWN = Symbol('unknown');

/**
 * The value of a literal-ish expression (strings, numbers, arrays, `as const`, template
 * literals, `?:` and `===`), with loop variables from `env`; UNKNOWN for anything else.
 * Enough to expand the tests written in a `for (const x of [...])` loop into their titles.
 */
function evaluate(ts, node, env) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return evaluate(ts, node.expression, env);
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => evaluate(ts, e, env));
  if (ts.isIdentifier(node)) return env.has(node.text) ? env.get(node.text) : UNKNOWN;
  if (ts.isConditionalExpression(node)) {
    const condition = evaluate(ts, node.condition, env);
    return condition === UNKNOWN ? UNKNOWN : evaluate(ts, condition ? node.whenTrue : node.whenFalse, env);
  }
  if (ts.isBinaryExpression(node)) {
    const [a, b] = [evaluate(ts, node.left, env), evaluate(ts, node.right, env)];
    if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken) return a === b;
    if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken) return a !== b;
    return UNKNOWN;
  }
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text];
    for (const span of node.templateSpans) parts.push(evaluate(ts, span.expression, env), span.literal.text);
    return parts.some((p) => p === UNKNOWN || typeof p === 'object') ? {parts} : parts.join('');
  }
  return UNKNOWN;
}

/** A title that is only partly known (`seed ${SEED}`) as a pattern: each unknown part matches any text. */
function titlePattern(parts) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${parts.map((p) => (typeof p === 'string' || typeof p === 'number' || typeof p === 'boolean' ? escape(String(p)) : '.+')).join('')}$`, 's');
}

/** Binds the names of `for (const <pattern> of …)` to one item. */
function bind(ts, name, value, env) {
  if (ts.isIdentifier(name)) env.set(name.text, value);
  else if (ts.isArrayBindingPattern(name)) {
    name.elements.forEach((element, i) => {
      if (ts.isBindingElement(element)) bind(ts, element.name, Array.isArray(value) ? value[i] : UNKNOWN, env);
    });
  }
  // An object pattern's names stay unknown: no test title here needs them.
}

/**
 * The tests of one file as their runner names them: every `it(…)`/`test(…)` call, its title
 * (or, for a title built from values the file computes, a pattern), and whether it runs axe.
 */
export async function testsIn(file, text) {
  const ts = (await import('typescript')).default;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found = [];
  const visit = (node, env) => {
    if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer) && node.initializer.declarations.length === 1) {
      const items = evaluate(ts, node.expression, env);
      const name = node.initializer.declarations[0].name;
      for (const item of Array.isArray(items) ? items : [UNKNOWN]) {
        const inner = new Map(env);
        bind(ts, name, item, inner);
        visit(node.statement, inner);
      }
      return;
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['it', 'test'].includes(node.expression.text) && node.arguments.length) {
      const title = evaluate(ts, node.arguments[0], env);
      const body = node.arguments[1]?.getText(source) ?? '';
      const axe = /\.to\.be\.accessible\(\)|\baxe\.run\(/.test(body);
      if (typeof title === 'string') found.push({title, axe});
      else if (title !== UNKNOWN) found.push({pattern: titlePattern(title.parts), axe});
      else found.push({pattern: /^.+$/s, axe});
    }
    ts.forEachChild(node, (child) => visit(child, env));
  };
  visit(source, new Map());
  return found;
}

/** Every story id, from the stories files as Storybook's indexer reads them (title and exports). */
export async function storyIds(root = ROOT) {
  const {loadCsf} = await import('storybook/internal/csf-tools');
  const ids = new Set();
  for (const name of readdirSync(join(root, 'stories')).filter((f) => /\.stories\.[jt]s$/.test(f))) {
    const code = readFileSync(join(root, 'stories', name), 'utf8');
    const csf = loadCsf(code, {fileName: name, makeTitle: (title) => title}).parse();
    for (const story of csf.stories) ids.add(story.id);
  }
  return ids;
}

/** What citations can point at: the test files' tests and the story ids. */
export async function repositoryIndex(root = ROOT) {
  const tests = new Map();
  for (const dir of ['test', 'test/node']) {
    for (const name of readdirSync(join(root, dir)).filter((f) => /\.test\.(ts|mjs)$/.test(f))) {
      const file = `${dir}/${name}`;
      tests.set(file, await testsIn(file, readFileSync(join(root, file), 'utf8')));
    }
  }
  return {root, tests, stories: await storyIds(root)};
}

// ---------------------------------------------------------------------------------------
// Checking.

/** The files under a path (itself, if it is a file), for `absent` evidence. */
function filesUnder(root, path) {
  const full = join(root, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, {recursive: true})
    .map((name) => join(path, name))
    .filter((file) => statSync(join(root, file)).isFile());
}

/** The test a citation names, or undefined. */
function citedTest(index, evidence) {
  return index.tests.get(evidence.test)?.find((t) => (t.title !== undefined ? t.title === evidence.it : t.pattern.test(evidence.it)));
}

/** What is wrong with one piece of evidence (empty when it stands). */
function evidenceProblem(index, evidence) {
  if (evidence.test !== undefined) {
    if (!index.tests.has(evidence.test)) return `cites ${evidence.test}, which is not a test file`;
    if (typeof evidence.it !== 'string' || !citedTest(index, evidence)) return `cites a test titled "${evidence.it}" that ${evidence.test} does not have`;
    return '';
  }
  if (evidence.story !== undefined) return index.stories.has(evidence.story) ? '' : `cites the story id ${evidence.story}, which no stories file defines`;
  if (evidence.file !== undefined) {
    const full = join(index.root, evidence.file);
    if (!existsSync(full)) return `cites ${evidence.file}, which does not exist`;
    if (typeof evidence.has !== 'string' || !readFileSync(full, 'utf8').includes(evidence.has)) return `cites ${evidence.file} for the text "${evidence.has}", which it does not contain`;
    return '';
  }
  if (evidence.absent !== undefined) {
    if (!(evidence.absent instanceof RegExp)) return 'an absent citation needs a regular expression';
    if (!existsSync(join(index.root, evidence.in ?? ''))) return `cites the absence of ${evidence.absent} in ${evidence.in}, which does not exist`;
    const hits = filesUnder(index.root, evidence.in).filter((file) => evidence.absent.test(readFileSync(join(index.root, file), 'utf8')));
    return hits.length ? `says ${evidence.absent} occurs nowhere in ${evidence.in}, but ${hits.join(', ')} has it: check the result, then the evidence` : '';
  }
  return `cites ${JSON.stringify(evidence)}, which is not a test, story, file or absent citation`;
}

/**
 * One element's assessment of one criterion: the element's own values over the criterion's
 * shared ones (`all`); undefined when the criterion has neither for that element.
 */
export function assessment(data, element, id) {
  const entry = data.criteria[id];
  if (!entry || !(entry[element] || entry.all)) return undefined;
  return {...entry.all, ...entry[element]};
}

/**
 * Everything wrong with the reports' data, as sentences; empty when the build may pass.
 * `data` is what criteria.mjs exports: {ELEMENTS, criteria}.
 */
export function problemsOf(data, index) {
  const problems = [];
  const known = new Set(WCAG21.map((c) => c.id));
  for (const [id, entry] of Object.entries(data.criteria)) {
    if (!known.has(id)) problems.push(`criteria.mjs: ${id} is not a WCAG 2.1 level A or AA success criterion`);
    for (const key of Object.keys(entry)) {
      if (key !== 'all' && key !== 'statement' && !data.ELEMENTS[key]) problems.push(`criteria.mjs: ${id} has an entry for ${key}, which is not an element of ELEMENTS`);
    }
  }
  for (const tag of definedTags(index.root)) if (!data.ELEMENTS[tag]) problems.push(`criteria.mjs: <${tag}> is defined in src/define/ but has no report in ELEMENTS`);
  for (const [element, info] of Object.entries(data.ELEMENTS)) {
    if (!info.about || !info.name?.sv || !info.name?.en) problems.push(`criteria.mjs: <${element}> needs \`about\` and its name in sv and en (for the statements)`);
    for (const {id, name} of WCAG21) {
      const where = `<${element}> ${id} ${name}`;
      const a = assessment(data, element, id);
      if (!a) {
        problems.push(`${where}: missing (every element has every one of the 50 criteria)`);
        continue;
      }
      if (!RESULTS[a.result]) problems.push(`${where}: no result (one of ${Object.keys(RESULTS).join(', ')})`);
      if (typeof a.reason !== 'string' || !a.reason.trim()) problems.push(`${where}: no reason`);
      if (!Array.isArray(a.evidence) || a.evidence.length === 0) problems.push(`${where}: no evidence`);
      for (const evidence of a.evidence ?? []) {
        const problem = evidenceProblem(index, evidence);
        if (problem) problems.push(`${where}: ${problem}`);
      }
      const entry = data.criteria[id];
      if ((a.result === 'partial' || a.result === 'does-not-support') && !(entry.statement?.sv && entry.statement?.en)) {
        problems.push(`${where}: a limit needs its sentence for the accessibility statement (statement: {sv, en})`);
      }
      if (a.author && !(a.author.sv && a.author.en)) problems.push(`${where}: the page author's part needs sv and en`);
    }
  }
  return problems;
}

/** The tags src/define/ registers (one module per tag, beside the shared define.ts). */
function definedTags(root) {
  return readdirSync(join(root, 'src/define'))
    .filter((f) => f.endsWith('.ts') && f !== 'define.ts')
    .map((f) => `loft-${f.replace(/\.ts$/, '')}`);
}

// ---------------------------------------------------------------------------------------
// Rendering.

const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const link = (file, from = DOCS) => `[${file}](${relative(from, file)})`;

function renderEvidence(index, evidence) {
  if (evidence.test !== undefined) {
    const axe = citedTest(index, evidence)?.axe ? ' (axe)' : '';
    return `${link(evidence.test)}: “${cell(evidence.it)}”${axe}`;
  }
  if (evidence.story !== undefined) return `story \`${evidence.story}\` (axe)`;
  if (evidence.file !== undefined) return `${link(evidence.file)}: \`${cell(evidence.has.replace(/`/g, "'"))}\``;
  return `nothing in ${link(evidence.in)} matches \`${cell(String(evidence.absent).replace(/`/g, "'"))}\``;
}

/** The number of criteria per result, for one element. */
export function countsOf(data, element) {
  const counts = Object.fromEntries(Object.keys(RESULTS).map((r) => [r, 0]));
  for (const {id} of WCAG21) counts[assessment(data, element, id).result]++;
  return counts;
}

const GENERATED = `<!-- Generated by scripts/conformance.mjs from ${DOCS}/criteria.mjs: edit that file, then run node scripts/conformance.mjs. -->`;

/** docs/accessibility/<element>.md. */
export function renderReport(data, index, element, version) {
  const info = data.ELEMENTS[element];
  const counts = countsOf(data, element);
  const rows = WCAG21.map(({id, level, name, en}) => {
    const a = assessment(data, element, id);
    return `| ${id} ${name} | ${level} | ${en} | ${RESULTS[a.result]} | ${cell(a.reason)} | ${a.evidence.map((e) => renderEvidence(index, e)).join('<br>')} |`;
  });
  const limits = WCAG21.filter(({id}) => ['partial', 'does-not-support'].includes(assessment(data, element, id).result));
  const author = WCAG21.filter(({id}) => assessment(data, element, id).author);
  return [
    GENERATED,
    '',
    `# \`<${element}>\`: WCAG 2.1 AA conformance report`,
    '',
    `loft-widgets ${version}. ${info.about}`,
    '',
    'WCAG conformance is claimed for full web pages, never for a component on its own (WCAG 2.1, conformance requirement 2). This report says how the element meets each level A and AA success criterion where it appears on a page; a page that embeds it conforms only when the rest of the page does too. What the page author must still do is listed below and in [README.md](README.md).',
    '',
    `Standards: WCAG 2.1 level A and AA; EN 301 549 V3.2.1, clause 9 (web content). Method: automated tests in Chromium, Firefox and WebKit (axe-core in every state, marked "(axe)", plus behaviour the test names), the Storybook smoke test (axe-core on every story, Chromium), and reading the source where no test can show it (cited by file and text, or by a pattern the source must not contain). No assessment here was made with a screen reader or by people with disabilities.`,
    '',
    `| Result | Criteria |`,
    `| --- | --- |`,
    ...Object.entries(RESULTS).map(([key, label]) => `| ${label} | ${counts[key]} |`),
    '',
    '## Known limits',
    '',
    ...(limits.length ? limits.map(({id, name}) => `- **${id} ${name}**: ${assessment(data, element, id).reason}`) : ['None found.']),
    '',
    "## The page author's part",
    '',
    ...(author.length ? author.map(({id, name}) => `- **${id} ${name}**: ${assessment(data, element, id).author.en}`) : ['Nothing beyond the page itself.']),
    '',
    '## Criteria',
    '',
    '| WCAG 2.1 success criterion | Level | EN 301 549 | Result | Reason | Evidence |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The table of results per criterion and element, for README.md. */
export function renderSummary(data) {
  const elements = Object.keys(data.ELEMENTS);
  const short = {supports: 'Supports', partial: '**Partially**', 'does-not-support': '**Does not**', 'not-applicable': 'N/A'};
  const counts = elements.map((e) => countsOf(data, e));
  return [
    `| Result | ${elements.map((e) => `[\`<${e}>\`](${e}.md)`).join(' | ')} |`,
    `| --- | ${elements.map(() => '---').join(' | ')} |`,
    ...Object.entries(RESULTS).map(([key, label]) => `| ${label} | ${counts.map((c) => c[key]).join(' | ')} |`),
    '',
    `| WCAG 2.1 | EN 301 549 | ${elements.map((e) => `\`${e}\``).join(' | ')} |`,
    `| --- | --- | ${elements.map(() => '---').join(' | ')} |`,
    ...WCAG21.map(({id, level, name, en}) => `| ${id} ${name} (${level}) | ${en} | ${elements.map((e) => short[assessment(data, e, id).result]).join(' | ')} |`),
  ].join('\n');
}

/** The page author's duties, one per criterion, in `lang`; `prefix` puts them in a block quote. */
export function renderAuthorDuties(data, lang, prefix = '') {
  const seen = new Map();
  for (const {id, name} of WCAG21) {
    for (const element of Object.keys(data.ELEMENTS)) {
      const a = assessment(data, element, id);
      if (a.author && !seen.has(id)) seen.set(id, `${prefix}- **${id}${lang === 'en' ? ` ${name}` : ''}**: ${a.author[lang]}`);
    }
  }
  return [...seen.values()].join('\n');
}

/** The widgets' known limits as an accessibility statement lists them, in `lang`. */
export function renderLimits(data, lang) {
  const lines = [];
  for (const {id} of WCAG21) {
    const affected = Object.keys(data.ELEMENTS).filter((e) => ['partial', 'does-not-support'].includes(assessment(data, e, id).result));
    const names = affected.map((e) => data.ELEMENTS[e].name[lang]).join(', ');
    if (affected.length) lines.push(`- ${data.criteria[id].statement[lang]} (${lang === 'sv' ? `WCAG 2.1 kriterium ${id}; gäller ${names}` : `WCAG 2.1 success criterion ${id}; in the ${names}`}.)`);
  }
  return lines.join('\n');
}

/** Replaces the block between `<!-- conformance:NAME:start … -->` and `<!-- conformance:NAME:end -->`. */
export function fillBlock(text, name, content, file) {
  const start = new RegExp(`<!-- conformance:${name}:start[^>]*-->`);
  const end = `<!-- conformance:${name}:end -->`;
  const match = start.exec(text);
  const at = text.indexOf(end);
  if (!match || at < match.index) throw new Error(`${file} has no block "${name}": add <!-- conformance:${name}:start --> and ${end}`);
  return `${text.slice(0, match.index + match[0].length)}\n${content}\n${text.slice(at)}`;
}

/** Every generated file: path → its content as the data says it should be. */
export function generatedFiles(data, index, version, read = (file) => readFileSync(join(index.root, file), 'utf8')) {
  const files = new Map();
  for (const element of Object.keys(data.ELEMENTS)) files.set(`${DOCS}/${element}.md`, renderReport(data, index, element, version));
  const blocks = {
    [`${DOCS}/README.md`]: {summary: renderSummary(data), 'author-duties': renderAuthorDuties(data, 'en')},
    [`${DOCS}/statement-template.sv.md`]: {limits: renderLimits(data, 'sv'), 'author-duties': renderAuthorDuties(data, 'sv', '> ')},
    [`${DOCS}/statement-template.en.md`]: {limits: renderLimits(data, 'en'), 'author-duties': renderAuthorDuties(data, 'en', '> ')},
  };
  for (const [file, named] of Object.entries(blocks)) {
    let text = read(file);
    for (const [name, content] of Object.entries(named)) text = fillBlock(text, name, content, file);
    files.set(file, text);
  }
  return files;
}

/** criteria.mjs, fresh (an edit since the last import is seen). */
export async function loadData(root = ROOT) {
  const url = pathToFileURL(join(root, DOCS, 'criteria.mjs'));
  url.search = `?t=${statSync(url).mtimeMs}`;
  return import(url.href);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const data = await loadData();
  const index = await repositoryIndex();
  const problems = problemsOf(data, index);
  const {version} = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (problems.length) {
    console.error(`${DOCS}: ${problems.length} problem(s) in the conformance reports:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  const files = generatedFiles(data, index, version);
  const stale = [...files].filter(([file, text]) => !existsSync(join(ROOT, file)) || readFileSync(join(ROOT, file), 'utf8') !== text).map(([file]) => file);
  if (process.argv.includes('--check')) {
    if (stale.length) {
      console.error(`Out of date with ${DOCS}/criteria.mjs: ${stale.join(', ')}. Run node scripts/conformance.mjs and commit them.`);
      process.exit(1);
    }
    console.log(`${DOCS}: ${Object.keys(data.ELEMENTS).length} elements × ${WCAG21.length} criteria, every one with a result, a reason and evidence that exists.`);
  } else {
    for (const file of stale) writeFileSync(join(ROOT, file), files.get(file));
    console.log(stale.length ? `wrote ${stale.join(', ')}` : 'the conformance reports are up to date');
  }
}
