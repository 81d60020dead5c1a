// House rules that check themselves (npm test runs this, then lit-analyzer on the templates):
// typescript-eslint's recommended rules, Lit's template rules, and the web component rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'storybook-static/', 'test-results/', 'bench/.tmp/', 'release/', 'src/i18n/generated/', 'src/feed/generated/', 'custom-elements.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
    rules: {
      ...wc.configs['flat/recommended'].rules,
      // Classes are side-effect free by design: src/define/ registers them, guarded.
      'wc/no-self-class': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  {
    rules: {
      // Unused parameters named _x say "not needed here" on purpose.
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'}],
      // Feeds, URLs and submissions are untrusted: control characters are matched on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {sourceType: 'commonjs', globals: globals.node},
  },
  {
    files: ['**/*.mjs', '**/*.js', 'bin/**'],
    languageOptions: {globals: {...globals.node, ...globals.browser}},
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: {globals: {...globals.browser, ...globals.mocha}},
    rules: {
      // Tests reach into shadow roots and event details, typed loosely on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      // Chai's property assertions: expect(x).to.be.true.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  }
);
