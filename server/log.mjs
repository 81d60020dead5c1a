// Structured logs: one JSON object per line (journald, Loki and jq read them as they are).
// Callers pass ids and codes only: no names, addresses, message text or client addresses,
// so a log line never holds personal data (GDPR art. 5(1)(c), data minimisation).

/** A logger writing JSON lines to `write` (stdout by default). */
export function createLogger(write = (line) => process.stdout.write(line + '\n')) {
  const entry = (level) => (event, fields = {}) => write(JSON.stringify({time: new Date().toISOString(), level, event, ...fields}));
  return {info: entry('info'), warn: entry('warn'), error: entry('error')};
}

/** A logger that drops everything (tests, and the test server inside the browser suite). */
export const silentLogger = {info() {}, warn() {}, error() {}};
