// Loaded first, as a classic script, by every host page: records what a host page's
// console would show, for test/embed.test.ts. (Same origin, so the strict CSP allows it.)
window.__embed = {violations: [], errors: []};
// console.error, apart: what an editor reads when a file of the widget is missing.
window.__consoleErrors = [];
const consoleError = console.error;
console.error = (...args) => {
  window.__consoleErrors.push(args.map(String).join(' '));
  consoleError.apply(console, args);
};
document.addEventListener(
  'securitypolicyviolation',
  (e) => window.__embed.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''}) ${e.sample || ''}`),
  true
);
window.addEventListener('error', (e) => window.__embed.errors.push(String(e.message || e.error || e.type)), true);
window.addEventListener('unhandledrejection', (e) => window.__embed.errors.push(`unhandled rejection: ${e.reason}`));
// Each Intl.DateTimeFormat made, with its options: a page pays for Intl's date data on the first.
window.__dateFormats = [];
Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
  construct(target, args) {
    window.__dateFormats.push({timeZone: args[1]?.timeZone, at: performance.now()});
    return Reflect.construct(target, args);
  },
});
