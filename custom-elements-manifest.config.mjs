// One configuration for every `cem analyze` (npm run build, npm run storybook): the elements'
// JSDoc becomes custom-elements.json, which the package ships and Storybook's docs read.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  litelement: true,
  plugins: [
    {
      // Events are documented with @event in each class's JSDoc (name, type, description).
      // The analyzer also infers a nameless entry from each `dispatchEvent(new X(…))`, a
      // duplicate without a name: leave those out.
      name: 'documented-events-only',
      packageLinkPhase({customElementsManifest}) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
