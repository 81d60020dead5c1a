// One configuration for every `cem analyze` (npm run build, npm run storybook): the elements'
// JSDoc becomes custom-elements.json, which the package ships and Storybook's docs read.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  litelement: true,
};
