// The form's own modules, from the build (dist/): the receiver checks submissions, feeds
// and consent versions with exactly the code the form runs, so the two cannot drift apart.
let loading;

/** The client modules the receiver uses; a clear error when `npm run build` has not run. */
export function clientModules() {
  loading ??= Promise.all([
    import('../dist/contact/submission.js'),
    import('../dist/contact/hash.js'),
    import('../dist/feed/validate.js'),
    import('../dist/feed/text.js'),
    import('../dist/feed/urls.js'),
    import('../dist/feed/check/helpers.js'),
  ]).then(
    ([submission, hash, validate, text, urls, helpers]) => ({
      checkSubmission: submission.checkSubmission,
      shortHash: hash.shortHash,
      validateFeed: validate.validateFeed,
      resolveText: text.resolveText,
      wantedLanguages: text.wantedLanguages,
      tidyText: text.tidyText,
      recordKeeps: helpers.recordKeeps,
      isEmail: urls.isEmail,
    }),
    (error) => {
      loading = undefined;
      throw new Error(`dist/ is missing or incomplete: run "npm run build" first (${error.message})`);
    }
  );
  return loading;
}
