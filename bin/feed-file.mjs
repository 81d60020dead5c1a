// The CLI's feed reading and problem lines, shared by validate and render.
import {constants} from 'node:fs';
import {open} from 'node:fs/promises';
import {Readable} from 'node:stream';
import {FeedError, MAX_FEED_BYTES, readFeedStream, tooLarge} from '../dist/feed/read.js';

const KINDS = {
  isDirectory: 'a directory',
  isFIFO: 'a named pipe',
  isCharacterDevice: 'a device',
  isBlockDevice: 'a device',
  isSocket: 'a socket',
};

/**
 * A feed file's text. Only a regular file: a device such as /dev/zero never ends, and a
 * named pipe would wait for a writer (it is opened without waiting, to be asked what it is).
 */
export async function readFeedFile(path) {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new FeedError('feed-unreachable', `${path} could not be read: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = Object.keys(KINDS).find((test) => info[test]());
      throw new FeedError('feed-unreachable', `${path} is ${KINDS[kind] ?? 'not a regular file'}, not a feed file. Give the path of a JSON file.`);
    }
    if (info.size > MAX_FEED_BYTES) throw tooLarge(path);
    return await readFeedStream(Readable.toWeb(handle.createReadStream({autoClose: false})), path);
  } finally {
    await handle.close();
  }
}


/** One problem as the CLI prints it: level, code, message (with its path). */
export function problemLine(p) {
  const level = p.fatal ? 'error  ' : p.skipped ? 'skipped' : 'warning';
  return `${level} ${p.code.padEnd(14)} ${p.message}`;
}
