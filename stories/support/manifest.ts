// The Custom Elements Manifest as Storybook should show it: the public API only. The analyzer
// also lists protected and private members (`_feed`, `_t` …), which are not for users.
type Item = {name?: string; kind?: string; privacy?: string; static?: boolean};
type Declaration = {tagName?: string; members?: Item[]; [key: string]: unknown};
type Manifest = {modules?: {declarations?: Declaration[]}[]};

export function publicManifest<M extends Manifest>(manifest: M): M {
  const copy = structuredClone(manifest);
  for (const module of copy.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.members) continue;
      declaration.members = declaration.members.filter(
        (m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name?.startsWith('_')
      );
    }
  }
  return copy;
}

/** The element's declaration in the manifest (attributes, events, CSS custom properties …). */
export function declarationOf(manifest: Manifest, tag: string): Declaration & Record<string, any> {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) if (declaration.tagName === tag) return declaration;
  }
  throw new Error(`<${tag}> is not in custom-elements.json: run "npm run build-storybook" (it runs cem analyze first).`);
}
