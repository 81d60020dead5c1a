/**
 * Hydration of server-rendered widgets (`npx loft-widgets render`, the reference server's
 * /embed pages), loaded by the loader only on a page that has one, before any element's
 * code, so other pages never download it:
 *
 * - Lit's hydrate support: an element whose shadow root came with the HTML (Declarative
 *   Shadow DOM) adopts that DOM on its first update instead of rendering it anew;
 * - ours, in the same way for LoftElement: such an element computes its outcome before that
 *   first update (the server's content stays shown meanwhile), so the first update hydrates
 *   the very template the server wrote.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import {LoftElement, type Outcome} from './elements/shared/loft-element.js';
import {announced} from './elements/shared/prerendered.js';

type LitElementClass = ReturnType<typeof Object.getPrototypeOf>;
const LitElement: LitElementClass = Object.getPrototypeOf(LoftElement);
const support = (globalThis as {litElementHydrateSupport?: (lit: {LitElement: LitElementClass}) => void}).litElementHydrateSupport;
// Lit calls the support itself when it loads after it; here Lit (in the shared chunk) has
// loaded first, so it is applied now, once (it gives LitElement its own `observedAttributes`).
if (!Object.hasOwn(LitElement, 'observedAttributes')) support?.({LitElement});

/** The members of LoftElement this touches (protected and private there). */
interface Hydrating extends HTMLElement {
  hasUpdated: boolean;
  src?: string;
  data?: unknown;
  catalog?: string;
  _inline?: string;
  _lang: string;
  _prerendered?: Outcome<unknown>;
  _announced?: string;
  _hydrating?: Promise<Outcome<unknown>>;
  _inputs(): readonly unknown[];
  _outcome(source: unknown[], lang: string, catalog: string | undefined, inputs: readonly unknown[]): Promise<Outcome<unknown>>;
  connectedCallback(): void;
  scheduleUpdate(): void | Promise<unknown>;
}

const element = LoftElement.prototype as unknown as Hydrating;
const {connectedCallback, scheduleUpdate} = element;

element.connectedCallback = function (this: Hydrating) {
  // A shadow root before Lit made one is the server's.
  const serverRendered = !this.hasUpdated && !!this.shadowRoot;
  connectedCallback.call(this);
  if (serverRendered) this._hydrating ??= this._outcome([this.src, this.data, this._inline], this._lang, this.catalog, this._inputs());
};

element.scheduleUpdate = function (this: Hydrating) {
  const hydrating = this._hydrating;
  if (!hydrating) return scheduleUpdate.call(this);
  return hydrating.then((outcome) => {
    this._prerendered = outcome;
    announced(this, outcome);
    this._hydrating = undefined;
    return scheduleUpdate.call(this);
  });
};

