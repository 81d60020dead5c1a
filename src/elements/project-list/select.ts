/**
 * The list's `<select>`s, made by the element and kept: plain `<option>` nodes, replaced only
 * when the options change. A list's organisation filter can offer hundreds of options (300,
 * AT_MOST.filterOrganizations): a thousand as a Lit template each took about 16 ms of a
 * 1,000-project list's first render in Chromium, as nodes about 5 ms (3–4 ms of it the
 * browser's own work, which a hand-written page pays too). Texts are set as text
 * (`textContent`), never parsed.
 *
 * The element brings its selects up to date before it renders (`willUpdate`), and Lit renders
 * each as a node: a re-render leaves it alone, and a new template around it moves it in. On
 * the server, and while hydrating what the server wrote, the select is an ordinary template;
 * the element's next update puts its own in its place, with the same texts and choice, so
 * nothing a visitor sees changes.
 */
import {html, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {OptionView} from '../../feed/view/project-list.js';

/** The `lang` and `dir` an option's label needs where they are not the element's. */
export type LabelAttributes = (label: OptionView['label']) => {lang?: string; dir?: 'ltr' | 'rtl'};

export interface KeptSelect {
  /** Brings the select up to `options` with `value` chosen: in `willUpdate`, so that `render()` only places it. */
  show(options: readonly OptionView[], value: string): HTMLSelectElement;
  /** The same select as a template, for the server and for hydrating what it wrote. */
  template(options: readonly OptionView[], value: string): TemplateResult;
}

export function keptSelect(id: string, attributes: LabelAttributes, changed: (value: string) => void): KeptSelect {
  let select: HTMLSelectElement | undefined;
  let shown = '';
  return {
    show(options, value) {
      if (!select) {
        const made = (select = document.createElement('select'));
        made.id = id;
        made.addEventListener('change', () => changed(made.value));
      }
      // What the options say, and in which language and direction (which depend on the
      // element's too), to replace them only when that changes.
      const shownNow = options.map((o) => ({value: o.value, text: o.label.text, ...attributes(o.label)}));
      const key = JSON.stringify(shownNow);
      if (key !== shown) {
        shown = key;
        select.replaceChildren(
          ...shownNow.map(({value, text, lang, dir}) => {
            const node = document.createElement('option');
            node.value = value;
            node.textContent = text;
            if (lang) node.lang = lang;
            if (dir) node.dir = dir;
            return node;
          })
        );
      }
      select.value = value;
      return select;
    },
    template: (options, value) => html`<select id=${id} @change=${(e: Event) => changed((e.target as HTMLSelectElement).value)}>
      ${options.map((o) => {
        const {lang, dir} = attributes(o.label);
        return html`<option value=${o.value} ?selected=${o.value === value} lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${o.label.text}</option>`;
      })}
    </select>`,
  };
}
