// A real SMTP server on 127.0.0.1 (smtp-server) that keeps what it receives, for the
// receiver's delivery tests and bench: each message with its envelope, headers and decoded
// text and HTML parts, counted by Message-ID. `refuse` makes it answer every message with a
// temporary failure (451) until it is set back to false; `delayMs` holds each answer back,
// like a busy server (`receiving` counts the messages it is holding).
import {SMTPServer} from 'smtp-server';

/** Headers of a MIME entity (folded lines joined), names in lower case. */
function parseHeaders(block) {
  const headers = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

function decodeBody(body, encoding = '') {
  if (/base64/i.test(encoding)) return Buffer.from(body, 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(body, 'latin1').toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / ?B?) in a header value. */
export function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind, text) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeBody(text.replace(/_/g, ' '), 'quoted-printable')
    );
}

/** The text/plain and text/html parts of a message, decoded. */
function parts(headers, body) {
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return [{type: (headers['content-type'] ?? 'text/plain').split(';')[0], text: decodeBody(body, headers['content-transfer-encoding'])}];
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((part) => {
      const split = part.indexOf('\r\n\r\n');
      return parts(parseHeaders(part.slice(0, split).trim()), part.slice(split + 4).replace(/\r\n$/, ''));
    });
}

export async function startSmtpSink({port = 0, host = '127.0.0.1', delayMs = 0} = {}) {
  const messages = [];
  const sink = {
    messages,
    refuse: false,
    refused: 0,
    receiving: 0,
    /** How often each Message-ID arrived. */
    countsByMessageId() {
      const counts = new Map();
      for (const m of messages) counts.set(m.headers['message-id'], (counts.get(m.headers['message-id']) ?? 0) + 1);
      return counts;
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // close() ends open connections (421) at once, as a server that stops would.
    closeTimeout: 50,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        sink.receiving++;
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        sink.receiving--;
        if (sink.refuse) {
          sink.refused++;
          const error = new Error('Try again later');
          error.responseCode = 451;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('latin1');
        const split = raw.indexOf('\r\n\r\n');
        const headers = parseHeaders(raw.slice(0, split));
        const decoded = parts(headers, raw.slice(split + 4));
        messages.push({
          envelope: {from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address)},
          headers,
          subject: decodeWords(headers.subject ?? ''),
          text: decoded.find((p) => p.type === 'text/plain')?.text.replace(/\r\n/g, '\n'),
          html: decoded.find((p) => p.type === 'text/html')?.text,
        });
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  // A client that dies in the middle of a message (a receiver killed with -9) resets its
  // connection, and smtp-server reports that as an error of the server: a real server logs it
  // and goes on, and the message is not kept. Only listen()'s one-time listener was there, so
  // the second such reset was an uncaught error: it failed the kill -9 test on PostgreSQL
  // once in CI (read ECONNRESET from 127.0.0.1), and two connections reset in the middle of a
  // message reproduce it.
  server.on('error', () => {});
  sink.port = server.server.address().port;
  sink.url = `smtp://${host}:${sink.port}`;
  sink.close = () => new Promise((resolve) => server.close(resolve));
  return sink;
}
