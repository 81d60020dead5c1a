/**
 * The list's `<select>`s, made by the element and kept: plain `<option>` nodes, replaced only
 * when the options change. A list's organisation filter can offer a thousand options: as a
 * Lit template each they took about 16 ms of a 1,000-project list's first render in Chromium,
 * as nodes about 5 ms (3–4 ms of it the browser's own work for a thousand options, which a
 * hand-written page pays too). Texts are set as text (`textContent`), never parsed.
 *
 * Lit renders the kept element as a node, so a re-render leaves it alone and a new template
 * around it moves it in. On the server, and while hydrating what the server wrote, the
 * select is an ordinary template (`template`); the element's next update puts its own in
 * its place, with the same texts and choice, so nothing a visitor sees changes.
 */
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {OptionView} from '../../feed/view/project-list.js';

/** The `lang` and `dir` an option's label needs where they are not the element's. */
export type LabelAttributes = (label: OptionView['label']) => {lang?: string; dir?: 'ltr' | 'rtl'};

const same = (a: readonly OptionView[], b: readonly OptionView[]) =>
  a.length === b.length && a.every((o, i) => o.value === b[i].value && o.label.text === b[i].label.text && o.label.lang === b[i].label.lang);

export class KeptSelect {
  private _select?: HTMLSelectElement;
  private _options: readonly OptionView[] = [];

  constructor(
    private readonly _id: string,
    private readonly _attributes: LabelAttributes,
    private readonly _changed: (value: string) => void
  ) {}

  /** The select with `options`, `value` chosen. */
  node(options: readonly OptionView[], value: string): HTMLSelectElement {
    let select = this._select;
    if (!select) {
      select = this._select = document.createElement('select');
      select.id = this._id;
      select.addEventListener('change', () => this._changed(select!.value));
    }
    if (!same(this._options, options)) {
      this._options = options;
      select.replaceChildren(
        ...options.map((o) => {
          const node = document.createElement('option');
          node.value = o.value;
          node.textContent = o.label.text;
          const {lang, dir} = this._attributes(o.label);
          if (lang) node.lang = lang;
          if (dir) node.dir = dir;
          return node;
        })
      );
    }
    select.value = value;
    return select;
  }

  /** The same select as a template, for the server and for hydrating what it wrote. */
  template(options: readonly OptionView[], value: string) {
    return html`<select id=${this._id} @change=${(e: Event) => this._changed((e.target as HTMLSelectElement).value)}>
      ${options.map((o) => {
        const {lang, dir} = this._attributes(o.label);
        return html`<option value=${o.value} ?selected=${o.value === value} lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${o.label.text}</option>`;
      })}
    </select>`;
  }
}
