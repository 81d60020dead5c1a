/**
 * Registers an element unless its tag is already taken: a second copy of the bundle on the
 * same page (two editors pasting the same snippet, or an older version) must not throw.
 * The first definition wins.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
