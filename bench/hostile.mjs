// Hostile feeds for the bench: shapes that once froze a tab or ran the validator out of
// memory. Each is JSON text of about the size given (a feed under 1 MB must never block the
// main thread for more than 50 ms; any feed up to the 20 MB cap must validate in at most 3×
// JSON.parse's time and memory). Items reference nothing, so only their own shape counts.
const MB = 1024 * 1024;

/** `count` of `make(i)` joined into a list, as text. */
const many = (count, make) => Array.from({length: count}, (_, i) => make(i)).join(',');

/** `before`, as many of `make(i)` as fit in `bytes` in all, and `after`. */
function filled(bytes, before, make, after) {
  const parts = [];
  let size = before.length + after.length;
  for (let i = 0; ; i++) {
    const part = make(i);
    if (size + part.length + 1 > bytes) break;
    parts.push(part);
    size += part.length + 1;
  }
  return before + parts.join(',') + after;
}
const project = (extra) => `{"id":"p","name":"P","status":"ongoing","participants":[]${extra}}`;

export const HOSTILE_FEEDS = [
  {name: 'empty-items-1mb', what: '{"version":1,"projects":[{},{},…]}, 1 MB', text: () => filled(0.95 * MB, '{"version":1,"projects":[', () => '{}', ']}')},
  {name: 'empty-items-20mb', what: 'the same, 20 MB', text: () => filled(19.9 * MB, '{"version":1,"projects":[', () => '{}', ']}')},
  {
    name: 'bad-fields-1mb',
    what: 'projects with 1,000 broken participants each, 1 MB',
    text: () =>
      filled(0.95 * MB, '{"version":1,"projects":[', (i) => `{"id":"p${i}","name":"P","status":"ongoing","participants":[${many(1000, () => '{"organization":"X!","role":"boss"}')}]}`, ']}'),
  },
  {
    name: 'broken-items-20mb',
    what: 'projects with an id and a broken name, 20 MB',
    text: () => filled(19.9 * MB, '{"version":1,"projects":[', (i) => `{"id":"p${i}","name":${i % 10}}`, ']}'),
  },
  {
    name: 'languages-1mb',
    what: 'a LocalizedText of 65,000 bad language keys, 1 MB',
    text: () => `{"version":1,"projects":[${project(`,"title":{${many(65_000, (i) => `"x y${i}":"t"`)}}`)}]}`,
  },
  {
    name: 'languages-100k',
    what: 'a LocalizedText of 100,000 bad language keys',
    text: () => `{"version":1,"projects":[${project(`,"title":{${many(100_000, (i) => `"x y${i}":"t"`)}}`)}]}`,
  },
  {
    // The project asked for is left out, and the card says why: the walk that finds the reason goes through every key again.
    name: 'required-languages-1mb',
    what: 'the project asked for named in 44,000 keys that are not language tags, 1 MB',
    text: () => filled(0.95 * MB, '{"version":1,"projects":[{"id":"p","status":"ongoing","participants":[],"name":{', (i) => `"x-${i.toString(36).padStart(4, 'a')}":"Namn ${i}"`, '}}]}'),
  },
  {name: 'labels-1mb', what: 'a label table of 65,000 unknown ids, 1 MB', text: () => `{"version":1,"labels":{"sv":{${many(65_000, (i) => `"id-${i}":"t"`)}}}}`},
  {name: 'labels-100k', what: 'a label table of 100,000 unknown ids', text: () => `{"version":1,"labels":{"sv":{${many(100_000, (i) => `"id-${i}":"t"`)}}}}`},
  {
    name: 'members-20mb',
    what: 'one project, 20 MB of members pointing at no one',
    text: () => filled(19.9 * MB, `{"version":1,"projects":[${project('').slice(0, -1)},"members":[`, () => '{"person":"ghost","roles":["member"]}', ']}]}'),
  },
  {
    // An editor's mistake made in every item: the parts that pass are not walked again.
    name: 'broken-links-20mb',
    what: 'projects with a broken link each, and 100 members and 20 quotes that are fine, 20 MB',
    text: () =>
      filled(
        19.9 * MB,
        '{"version":1,"organizations":[{"id":"o","name":"O"}],"people":[{"id":"a","name":"A"}],"projects":[',
        (i) =>
          project(
            `,"url":"javascript:void(${i})","members":[${many(100, () => '{"person":"a","roles":["member",{"code":"x","label":{"sv":"X","en":"Y"}}]}')}],"quotes":[${many(20, () => '{"text":{"sv":"t","en":"u"},"name":"N","organization":"o"}')}]`
          ).replace('"id":"p"', `"id":"p${i}"`),
        ']}'
      ),
  },
  {
    name: 'bad-contacts-20mb',
    what: 'people with a broken e-mail address and phone number each, 20 MB',
    text: () => filled(19.9 * MB, '{"version":1,"people":[', (i) => `{"id":"x${i}","name":"N","email":"not an address","phone":"call me"}`, ']}'),
  },
  {
    // Each form is left out (no privacy policy) and has advice of three kinds: an authority on legitimate interest, texts in Swedish only, no retention.
    name: 'forms-20mb',
    what: 'contact forms of a municipality on legitimate interest, in Swedish only, without retention, 20 MB',
    text: () =>
      filled(
        19.9 * MB,
        '{"version":1,"organizations":[{"id":"o","name":"O","type":"municipality"}],"contactForms":[',
        (i) => `{"id":"f${i}","endpoint":"https://x.se/f","controller":{"name":"C","organization":"o"},"legalBasis":"legitimate-interest","publicRecord":true,"notice":{"sv":"n"},"optionalConsents":[{"id":"c","label":{"sv":"l"}}]}`,
        ']}'
      ),
  },
  {
    // Role lists of a union (an id, or an object with a code and a label): 5.7x JSON.parse in Node while the slow path made a generator for every part it walked.
    name: 'role-objects-20mb',
    what: 'one project, 20 MB of members with two broken role objects each',
    text: () => filled(19.9 * MB, `{"version":1,"people":[{"id":"a","name":"A"}],"projects":[${project('').slice(0, -1)},"members":[`, () => '{"person":"a","roles":[{"code":"X"},{"label":1}]}', ']}]}'),
  },
  {
    name: 'role-objects-1mb',
    what: 'the same, 1 MB',
    text: () => filled(0.95 * MB, `{"version":1,"people":[{"id":"a","name":"A"}],"projects":[${project('').slice(0, -1)},"members":[`, () => '{"person":"a","roles":[{"code":"X"},{"label":1}]}', ']}]}'),
  },
  {
    name: 'bad-images-20mb',
    what: 'people with a broken image each (a javascript: link, an alt text in no language), 20 MB',
    text: () => filled(19.9 * MB, '{"version":1,"people":[', (i) => `{"id":"x${i}","name":"N","image":{"url":"javascript:1","alt":{"x y":"a"}}}`, ']}'),
  },
  {
    // An editor's mistake more than an attack: organisation ids renamed, people not.
    name: 'dangling-people-20mb',
    what: 'people each naming an organisation and a contact form that are not in the feed, 20 MB',
    text: () => filled(19.9 * MB, '{"version":1,"people":[', (i) => `{"id":"x${i}","name":"N","organization":"nobody","contactForm":"nothing"}`, ']}'),
  },
  {name: 'long-string-20mb', what: 'a 20 MB name', text: () => `{"version":1,"projects":[{"id":"p","name":"${'x'.repeat(19.9 * MB)}","status":"ongoing","participants":[]}]}`},
  {name: 'deep-3000', what: 'a name nested 3,000 levels deep', text: () => `{"version":1,"projects":[${project('').replace('"name":"P"', `"name":${'['.repeat(3000)}${']'.repeat(3000)}`)}]}`},
  {
    // Opened one inside the next faster than the slice clock was asked (it was asked only as lists closed): 60-120 ms tasks.
    name: 'deep-300k',
    what: 'a description paragraph nested 300,000 levels deep',
    text: () => `{"version":1,"projects":[${project(`,"description":["a",${'['.repeat(300_000)}${']'.repeat(300_000)}]`)}]}`,
  },
  {
    name: 'deep-1m',
    what: 'a name and an unknown field nested 1,000,000 levels deep',
    text: () => `{"version":1,"projects":[${project(`,"x":${'{"a":'.repeat(500_000)}1${'}'.repeat(500_000)}`).replace('"name":"P"', `"name":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`)}]}`,
  },
];

/** `count` ids' objects: `{"id":"<prefix><i>","name":"<Name> <i>"}`. */
const named = (count, prefix, name) => Array.from({length: count}, (_, i) => `{"id":"${prefix}${i}","name":"${name} ${i}"}`).join(',');

/** Organisations `o0`… (of `organizations`) and one project in which the first `count` are partners. */
const partnersOf = (count, organizations) =>
  `{"version":1,"organizations":[${organizations}],"projects":[${project('').replace('"participants":[]', `"participants":[${many(count, (i) => `{"organization":"o${i}","role":"partner"}`)}]`)}]}`;

/**
 * Valid feeds under 1 MB that are long to show: one project with thousands of members,
 * paragraphs or partners, and lists of thousands of projects to sort, or whose projects name
 * thousands of organisations. Each is
 * loaded by the element that would render it all (`tag`, with project="p"), and the bench
 * gives the longest main-thread task.
 */
export const RENDER_FEEDS = [
  {
    name: 'members-13k',
    what: 'one project with 13,000 members',
    tag: 'loft-member-list',
    text: () => `{"version":1,"people":[${named(13_000, 'a', 'Person')}],"projects":[${project(`,"members":[${many(13_000, (i) => `{"person":"a${i}","roles":["member"]}`)}]`)}]}`,
  },
  {
    name: 'paragraphs-240k',
    what: 'one project with 240,000 description paragraphs',
    tag: 'loft-project',
    text: () => `{"version":1,"projects":[${project(`,"description":[${many(240_000, () => '"a"')}]`)}]}`,
  },
  {
    name: 'partners-13k',
    what: 'one project with 13,000 partners',
    tag: 'loft-project-card',
    text: () => partnersOf(13_000, named(13_000, 'o', 'Org')),
  },
  {
    name: 'paragraphs-1mb',
    what: 'one project with 48 description paragraphs of 19,600 characters',
    tag: 'loft-project',
    text: () => `{"version":1,"projects":[${project(`,"description":[${many(48, (i) => `"${i} ${'ord '.repeat(4_900)}"`)}]`)}]}`,
  },
  {
    name: 'partner-names-1mb',
    what: 'one project with 45 partners named in 19,500 characters each',
    tag: 'loft-project-card',
    text: () => partnersOf(45, many(45, (i) => `{"id":"o${i}","name":"${i} ${'namn '.repeat(3_900)}"}`)),
  },
  {
    name: 'partners-japanese',
    what: 'one project with 200 partners named in 200 characters of Japanese, each with a role of 300',
    tag: 'loft-project-card',
    text: () => {
      const ja = (n) => '漢字かな交じり文'.repeat(n / 8);
      const orgs = many(200, (i) => `{"id":"o${i}","name":"${i}${ja(200)}"}`);
      return `{"version":1,"organizations":[${orgs}],"projects":[${project('').replace('"participants":[]', `"participants":[${many(200, (i) => `{"organization":"o${i}","role":"partner","label":"${ja(296)}"}`)}]`)}]}`;
    },
  },
  {
    name: 'description-japanese',
    what: 'one project with 100 description paragraphs of 1,000 characters of Japanese',
    tag: 'loft-project',
    text: () => `{"version":1,"projects":[${project(`,"description":[${many(100, () => `"${'漢字かな交じり文'.repeat(125)}"`)}]`)}]}`,
  },
  {
    name: 'marks-100k',
    what: 'one project whose description is 100,000 characters, nearly all combining marks',
    tag: 'loft-project',
    text: () => `{"version":1,"projects":[${project(`,"description":[${many(200, () => `"${('a' + '\\u0301'.repeat(49)).repeat(10)}"`)}]`)}]}`,
  },
  {
    name: 'languages-62k',
    what: 'a project name in 62,000 languages (none of them the page\'s)',
    tag: 'loft-project-list',
    text: () => `{"version":1,"projects":[${project('').replace('"name":"P"', `"name":{${many(62_000, (i) => `"en-x${i.toString(36)}":"n"`)}}`)}]}`,
  },
  {
    name: 'shared-name-50k',
    what: 'one project with 60 members and 50 quotes of one organisation named in 50,000 languages',
    tag: 'loft-project',
    text: () =>
      `{"version":1,"organizations":[{"id":"o","name":{${many(50_000, (i) => `"en-x${i.toString(36)}":"n"`)}}}],"people":[${many(60, (i) => `{"id":"a${i}","name":"A ${i}","organization":"o"}`)}],"projects":[${project(`,"members":[${many(60, (i) => `{"person":"a${i}","roles":["member"]}`)}],"quotes":[${many(50, () => '{"text":"q","name":"n","organization":"o"}')}]`)}]}`,
  },
  {
    name: 'label-languages-40k',
    what: 'a label table in 40,000 languages',
    tag: 'loft-project-card',
    text: () => `{"version":1,"labels":{${many(40_000, (i) => `"en-x${i.toString(36)}":{"retry":"r"}`)}},"projects":[${project('')}]}`,
  },
  {
    name: 'form-texts-2k',
    what: 'a contact form whose controller, notice and 20 optional consents are each in 2,000 languages',
    tag: 'loft-contact-form',
    text: () => {
      const text = (k) => `{${many(2_000, (i) => `"en-x${k}${i.toString(36)}":"n"`)},"fi":"nimi"}`;
      const consents = many(20, (i) => `{"id":"c${i}","label":${text(`l${i}`)},"version":"1"}`);
      return `{"version":1,"contactForms":[{"id":"f","endpoint":"/api/contact","controller":{"name":${text('c')}},"legalBasis":"consent","privacyPolicyUrl":"https://k.example/pp","notice":${text('n')},"retention":"P2Y","optionalConsents":[${consents}]}],"projects":[${project(',"contactForm":"f"')}]}`;
    },
  },
  {
    name: 'projects-14k',
    what: '14,000 small projects whose names are in no order (each name sorted in the page\'s language)',
    tag: 'loft-project-list',
    text: () => `{"version":1,"projects":[${many(14_000, (i) => `{"id":"p${i}","name":"P ${(i * 7919) % 100_000}","status":"ongoing","participants":[]}`)}]}`,
  },
  {
    name: 'organizations-6k',
    what: '6,000 projects of 6,000 organisations',
    tag: 'loft-project-list',
    text: () => `{"version":1,"organizations":[${named(6_000, 'o', 'Org')}],"projects":[${many(6_000, (i) => `{"id":"p${i}","name":"P ${i}","status":"ongoing","participants":[{"organization":"o${i}","role":"lead"}]}`)}]}`,
  },
];

/**
 * Valid feeds under 1 MB and what a visitor does with them once shown: the bench clicks
 * `selector` in the element's shadow root `clicks` times (real mouse input, a frame apart)
 * and gives the longest main-thread task from the first click on.
 */
export const INTERACTION_FEEDS = [
  {
    name: 'show-more-6k',
    what: '"Visa fler" clicked 5 times with page-size="100" (50 more cards each, the most at once), 6,500 projects',
    tag: 'loft-project-list',
    attributes: {'page-size': '100'},
    selector: 'button.more',
    clicks: 5,
    text: () =>
      `{"version":1,"projects":[${many(6_500, (i) => `{"id":"p${i}","name":"P ${(i * 7919) % 100_000}","summary":"Sammanfattning ${i} om skola och vård","status":"${['ongoing', 'planned', 'completed'][i % 3]}","startDate":"20${10 + (i % 15)}-0${1 + (i % 9)}","participants":[]}`)}]}`,
  },
];
