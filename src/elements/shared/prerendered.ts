/** What a server-rendered element shows beyond its view: set by the server (src/ssr/render.ts) and by hydration (src/hydrate.ts) alike. */
import type {Outcome} from './loft-element.js';

/**
 * The list's live region says the count once the list shows (project-list.ts, `updated`): a
 * server-rendered list has it already (src/ssr/render.ts), so it is not added (and nothing
 * below it moves) when the list hydrates.
 */
export function announced(element: {_announced?: string}, outcome: Outcome<unknown>): void {
  const count = 'view' in outcome ? (outcome.view as {count?: {text: string}}).count : undefined;
  if (count && element._announced === undefined) element._announced = count.text;
}
