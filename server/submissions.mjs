#!/usr/bin/env node
// npm run submissions [-- option]: what the reference receiver stored (LOFT_DATABASE_URL, else
// SQLite in LOFT_DATA_DIR), and the operator's tools for it:
//   (none)                newest first, with consent records and delivery state; dead
//                         deliveries summed up at the top
//   --json                the same as JSON
//   --export <email>      everything stored about that sender, as JSON (GDPR art. 15)
//   --delete <email>      erases it (GDPR art. 17) and says what was deleted and where copies
//                         were delivered (the controller tells those recipients, art. 19)
//   --purge               deletes what is past its form's retention now (needs LOFT_FEEDS)
//   --retry-dead          puts dead deliveries back in the outbox
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {clientModules} from './client-modules.mjs';
import {ConfigError, DEFAULTS, optionsFromEnv} from './config.mjs';
import {loadForms} from './feeds.mjs';
import {purgeExpired} from './retention.mjs';
import {openStore} from './store.mjs';

const CHANNEL_NAMES = {email: 'e-mail', webhook: 'webhook'};

// Stored text is shown, never obeyed: a control character or line separator in it could
// move the cursor, recolour the terminal or forge a line of this listing, and a
// bidirectional formatting character could make it read in another order.
const visible = (value) =>
  String(value).replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );

function deliveryLine(d) {
  const channel = CHANNEL_NAMES[d.channel] ?? d.channel;
  if (d.status === 'sent') return `${channel}: sent ${d.sent_at} to ${visible(d.delivered_to)} (attempt ${d.attempts})`;
  if (d.status === 'dead') return `${channel}: DEAD after ${d.attempts} attempts (last error ${d.last_error})`;
  return d.attempts ? `${channel}: pending, ${d.attempts} failed (last error ${d.last_error}), next attempt ${d.next_attempt_at}` : `${channel}: pending`;
}

function printRows(rows, location) {
  const deliveries = rows.flatMap((r) => r.deliveries.map((d) => ({...d, submission: r.id})));
  const count = (status) => deliveries.filter((d) => d.status === status).length;
  console.log(`${rows.length} submission(s) in ${location}; deliveries: ${count('sent')} sent, ${count('pending')} pending, ${count('dead')} dead`);
  const dead = deliveries.filter((d) => d.status === 'dead');
  if (dead.length) {
    console.log(`\nDEAD deliveries (npm run submissions -- --retry-dead sends them again once the cause is fixed):`);
    for (const d of dead) console.log(`  #${d.submission} ${CHANNEL_NAMES[d.channel] ?? d.channel}: ${d.attempts} attempts, last error ${d.last_error}`);
  }
  console.log('');
  for (const r of rows) {
    const who = [visible(r.name), `<${visible(r.email)}>`, r.phone && visible(r.phone), r.organization && visible(r.organization)].filter(Boolean).join(' ');
    console.log(`#${r.id}  ${r.received_at}  form ${r.form}${r.project ? `, project ${r.project}` : ''}${r.recipient ? `, to ${r.recipient}` : ''}`);
    console.log(`  from: ${who}`);
    console.log(`  ${r.legal_basis}, ${r.locale}, ${visible(r.page)}, filled in ${(r.elapsed_ms / 1000).toFixed(1)} s`);
    if (r.subject) console.log(`  subject: ${visible(r.subject)}`);
    console.log(`  message: ${visible(r.message.replace(/\s+/g, ' ').slice(0, 200))}`);
    for (const c of r.consents) console.log(`  consent ${c.consent_id} v${visible(c.version)} (${c.locale}, ${visible(c.given_at)}): "${visible(c.text)}"`);
    for (const d of r.deliveries) console.log(`  ${deliveryLine(d)}`);
    console.log('');
  }
}

/** The value after `flag`, or exits with usage. */
function argument(args, flag) {
  const value = args[args.indexOf(flag) + 1];
  if (!value || value.startsWith('--')) {
    console.error(`usage: npm run submissions -- ${flag} <email>`);
    process.exit(2);
  }
  return value.trim();
}

async function main(args) {
  const options = {...DEFAULTS, ...optionsFromEnv()};
  if (!options.databaseUrl && !existsSync(join(options.dataDir, 'submissions.sqlite'))) {
    console.log(`No submissions yet (${options.dataDir}).`);
    return;
  }
  const store = await openStore(options);
  try {
    if (args.includes('--export')) {
      const email = argument(args, '--export');
      const rows = await store.findByEmail(email);
      console.error(`Found ${rows.length} submission(s) from ${email} in ${store.location}${rows.length ? ` (ids ${rows.map((r) => r.id).join(', ')})` : ''}.`);
      console.log(JSON.stringify({email, exportedAt: new Date().toISOString(), found: rows.length, submissions: rows}, null, 2));
    } else if (args.includes('--delete')) {
      const email = argument(args, '--delete');
      const delivered = (await store.findByEmail(email)).flatMap((r) => r.deliveries.filter((d) => d.status === 'sent').map((d) => ({...d, submission: r.id})));
      const counts = await store.deleteByEmail(email);
      console.log(`Deleted ${counts.submissions} submission(s), ${counts.consents} consent record(s) and ${counts.deliveries} delivery row(s) from ${email} in ${store.location}.`);
      if (delivered.length) {
        console.log('Copies delivered before the erasure are outside this receiver; the controller tells their recipients (GDPR art. 19):');
        for (const d of delivered) console.log(`  #${d.submission} ${CHANNEL_NAMES[d.channel] ?? d.channel} to ${visible(d.delivered_to)} on ${d.sent_at}`);
      }
    } else if (args.includes('--purge')) {
      const client = await clientModules();
      const {forms, problems} = loadForms(options.feeds, options, client);
      // Without the forms the purge would apply the default retention to every submission.
      if (!options.feeds.length) problems.unshift('LOFT_FEEDS is empty: the purge needs the forms and their retention.');
      if (problems.length) throw new ConfigError(problems);
      const counts = await purgeExpired(store, forms, options.defaultRetention);
      console.log(`Purged ${counts.submissions} submission(s), ${counts.consents} consent record(s) and ${counts.deliveries} delivery row(s) past their form's retention from ${store.location}.`);
    } else if (args.includes('--retry-dead')) {
      console.log(`${await store.retryDead()} dead delivery row(s) are pending again; a running receiver sends them within its poll interval.`);
    } else {
      const rows = await store.list();
      if (args.includes('--json')) console.log(JSON.stringify(rows, null, 2));
      else printRows(rows, store.location);
    }
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((error) => {
  for (const line of error instanceof ConfigError ? error.problems : [error.message]) console.error(`submissions: ${line}`);
  process.exit(1);
});
