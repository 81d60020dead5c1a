// A large, valid, deterministic feed for the bench: N projects, organisations and people,
// shaped like the reference feed (localized names, participants, members, quotes).
const STATUSES = ['planned', 'ongoing', 'completed', 'terminated'];
const ORG_ROLES = ['coordinator', 'lead', 'partner', 'partner', 'partner', 'funder', 'associated', 'contractor'];
const PERSON_ROLES = ['project-manager', 'contact', 'researcher', 'member', 'principal-investigator'];
const WORDS = 'förnyelse ledning styrning kommun region forskning innovation samverkan digital hållbar omställning vatten energi skola vård trafik bostad klimat data tjänst'.split(' ');

/** mulberry32: the same feed on every machine. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateFeed({projects = 10_000, organizations = 1_000, people = 5_000, seed = 7} = {}) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = (n) => Array.from({length: n}, () => pick(WORDS)).join(' ');
  const sentence = (n) => {
    const s = words(n);
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const orgs = Array.from({length: organizations}, (_, i) => ({
    id: `org-${i}`,
    name: {sv: `Organisation ${i} ${pick(WORDS)}`, en: `Organisation ${i}`},
    url: `https://org${i}.example/`,
    type: pick(['municipality', 'region', 'company', 'research-institute', 'higher-education']),
  }));
  const persons = Array.from({length: people}, (_, i) => ({
    id: `person-${i}`,
    name: `Person ${i} Efternamn`,
    givenName: `Person ${i}`,
    title: {sv: `Handläggare ${pick(WORDS)}`, en: 'Officer'},
    organization: `org-${i % organizations}`,
    email: `person${i}@org${i % organizations}.example`,
    profileUrl: `https://org${i % organizations}.example/people/${i}`,
  }));
  const list = Array.from({length: projects}, (_, i) => {
    const start = 2015 + Math.floor(rnd() * 10);
    const participants = [{organization: 'org-0', role: pick(['lead', 'coordinator', 'partner'])}];
    const count = 2 + Math.floor(rnd() * 5);
    for (let k = 0; k < count; k++) participants.push({organization: `org-${1 + Math.floor(rnd() * (organizations - 1))}`, role: pick(ORG_ROLES)});
    return {
      id: `project-${i}`,
      name: {sv: `Projekt ${i}: ${words(2)}`, en: `Project ${i}`},
      title: {sv: sentence(6), en: 'A project about renewal.'},
      summary: {sv: sentence(20), en: sentence(16)},
      description: [{sv: sentence(40)}, {sv: sentence(30)}],
      status: pick(STATUSES),
      startDate: `${start}-0${1 + Math.floor(rnd() * 9)}`,
      endDate: rnd() < 0.3 ? null : `${start + 1 + Math.floor(rnd() * 4)}`,
      url: `https://org0.example/projekt/${i}`,
      participants,
      members: Array.from({length: 1 + Math.floor(rnd() * 3)}, () => ({person: `person-${Math.floor(rnd() * people)}`, roles: [pick(PERSON_ROLES)]})),
      quotes: rnd() < 0.2 ? [{text: {sv: sentence(18)}, name: `Person ${i}`, organization: `org-${i % organizations}`}] : undefined,
    };
  });
  return {version: 1, language: 'sv', publisher: 'org-0', updated: '2026-11-01', organizations: orgs, people: persons, projects: list};
}
