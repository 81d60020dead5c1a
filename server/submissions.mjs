#!/usr/bin/env node
// npm run submissions [-- --json]: lists what the reference receiver has stored in
// LOFT_DATA_DIR (default server/data), newest first, with the consent records.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {optionsFromEnv} from './receiver.mjs';
import {openStore} from './store.mjs';

const {dataDir} = optionsFromEnv();
if (!existsSync(join(dataDir, 'submissions.sqlite'))) {
  console.log(`No submissions yet (${dataDir}).`);
  process.exit(0);
}
const store = openStore(dataDir);
const rows = store.list();
store.close();
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log(`${rows.length} submission(s) in ${dataDir}\n`);
  for (const r of rows) {
    const who = [r.name, `<${r.email}>`, r.phone, r.organization].filter(Boolean).join(' ');
    console.log(`#${r.id}  ${r.received_at}  form ${r.form}${r.project ? `, project ${r.project}` : ''}${r.recipient ? `, to ${r.recipient}` : ''}`);
    console.log(`  from: ${who}`);
    console.log(`  ${r.legal_basis}, ${r.locale}, ${r.page}, filled in ${(r.elapsed_ms / 1000).toFixed(1)} s`);
    if (r.subject) console.log(`  subject: ${r.subject}`);
    console.log(`  message: ${r.message.replace(/\s+/g, ' ').slice(0, 200)}`);
    for (const c of r.consents) console.log(`  consent ${c.consent_id} v${c.version} (${c.locale}, ${c.given_at}): "${c.text}"`);
    console.log('');
  }
}
