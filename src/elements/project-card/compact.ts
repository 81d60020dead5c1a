import {html, nothing, type TemplateResult} from 'lit';
import type {ResolvedText} from '../../feed/view/resolver.js';
import type {CompactView} from '../../feed/view/project-card.js';

/**
 * The compact card: `<loft-project-card variant="compact">` and every item of
 * `<loft-project-list>` render through this one template. `text` binds a text with its own
 * `lang` where it is not in the element's language.
 */
export function compactCard(view: CompactView, level: number, text: (t: ResolvedText | undefined) => unknown): TemplateResult {
  const name = text(view.name);
  return html`<div class="compact">
    <div part="heading" class="heading" role="heading" aria-level=${level}>${view.href ? html`<a href=${view.href}>${name}</a>` : name}</div>
    ${view.title ? html`<p>${text(view.title)}</p>` : nothing}
    <p class="status" data-status=${view.status}>${text(view.statusWord)}: ${text(view.statusLabel)}</p>
    ${view.summary ? html`<p>${text(view.summary)}</p>` : nothing}
  </div>`;
}
