/**
 * A `<select>`'s options as plain `<option>` nodes. A list's organisation filter can offer
 * a thousand options: as one Lit template each they took about 16 ms of a 1,000-project
 * list's first render (bench/.tmp measurements in the issue #10 note), as nodes made here
 * about 1 ms. Text is set as text (`textContent`), never parsed.
 *
 * On the server (`render()`, src/ssr/) and while hydrating what the server wrote, the
 * options are ordinary templates; the element's next update puts its own nodes in place of
 * the server's, with the same texts, so nothing a visitor sees changes.
 */
import {html, noChange} from 'lit';
import {Directive, directive, type ChildPart} from 'lit/directive.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {OptionView} from '../../feed/view/project-list.js';

/** The `lang` and `dir` an option's label needs where they are not its select's. */
export type LabelAttributes = (label: OptionView['label']) => {lang?: string; dir?: 'ltr' | 'rtl'};

const same = (a: readonly OptionView[], b: readonly OptionView[]) =>
  a.length === b.length && a.every((o, i) => o.value === b[i].value && o.label.text === b[i].label.text && o.label.lang === b[i].label.lang);

class OptionsDirective extends Directive {
  private _options: readonly OptionView[] = [];
  private _nodes: HTMLOptionElement[] = [];

  render(options: readonly OptionView[], value: string, attributes: LabelAttributes) {
    return options.map((o) => {
      const {lang, dir} = attributes(o.label);
      return html`<option value=${o.value} ?selected=${o.value === value} lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${o.label.text}</option>`;
    });
  }

  override update(part: ChildPart, [options, value, attributes]: Parameters<this['render']>) {
    // Hydration (its markers are the server's): the server's templates, so that they hydrate.
    if ((part.startNode as Comment | undefined)?.data?.startsWith('lit-part')) return this.render(options, value, attributes);
    // The same options still in this select (not a hydrated server's, nor removed): only the choice may change.
    const kept = same(this._options, options) && (this._nodes.length === 0 || this._nodes[0].parentNode === part.parentNode);
    if (!kept) {
      this._options = options;
      this._nodes = options.map((o) => {
        const node = document.createElement('option');
        node.value = o.value;
        node.textContent = o.label.text;
        const {lang, dir} = attributes(o.label);
        if (lang) node.lang = lang;
        if (dir) node.dir = dir;
        return node;
      });
    }
    for (const node of this._nodes) node.selected = node.value === value;
    if (kept) return noChange;
    const fragment = document.createDocumentFragment();
    fragment.append(...this._nodes);
    return fragment;
  }
}

/** `<option>`s for `options`, the one whose value is `value` selected. */
export const selectOptions = directive(OptionsDirective);
