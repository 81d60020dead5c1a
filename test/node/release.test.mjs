// The editors' release archive: a ZIP that standard tools read (Python's zipfile here, as
// Windows Explorer and macOS Archive Utility would), with every file whole.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {zip} from '../../scripts/zip.mjs';

test('zip.mjs writes an archive that another implementation reads back byte for byte', () => {
  const files = [
    {name: 'loft-widgets-1.0.0/loft-widgets.js', data: 'export {};\n'.repeat(500)},
    {name: 'loft-widgets-1.0.0/chunks/sv.core-abc.js', data: Buffer.from([0, 1, 2, 255, 254, 10])},
    {name: 'loft-widgets-1.0.0/GUIDE.html', data: '<p>Så lägger du in en widget – på svenska</p>'},
    {name: 'loft-widgets-1.0.0/empty.txt', data: ''},
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'loft-zip-')), 'test.zip');
  writeFileSync(file, zip(files));
  const read = JSON.parse(
    execFileSync('python3', ['-c', 'import zipfile,sys,json; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps({n: list(z.read(n)) for n in z.namelist()}))', file], {encoding: 'utf8'})
  );
  assert.deepEqual(Object.keys(read), files.map((f) => f.name));
  for (const f of files) assert.deepEqual(Buffer.from(read[f.name]), Buffer.from(f.data), f.name);
});
