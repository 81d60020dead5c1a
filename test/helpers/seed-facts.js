// What RISE's LOFT page says, as `<loft-project project="loft">` shows it from the reference
// feed: the server-rendered snippet must keep every one of these readable (test/ssr.test.ts),
// and so must a WordPress post made from it (scripts/wordpress-check.mjs).
export const SEED_FACTS = [
  'LOFT – Leda och organisera förnyelse och transformation',
  'Sammanfattning',
  'Projektnamn',
  'Status',
  'Pågående',
  'RISE roll i projektet',
  'Projektledare',
  'Varaktighet',
  'Löpande',
  'Partner',
  'Mälardalens universitet',
  'Strängnäs kommun',
  'Projektmedlemmar',
  'Amanda Sundberg',
  'Kontaktperson',
  'Läs mer om Amanda',
  'Carl Heath',
];
