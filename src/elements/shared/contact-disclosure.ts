/**
 * "Kontakta X": a button that opens a `<loft-contact-form>` for one person (or the project)
 * in a disclosure right below it. Opening moves focus into the panel (the form's first
 * field, or the panel's heading until the contact form element is defined); Escape and the
 * close button close it and return focus to the button. One panel is open at a time.
 */
import {html, nothing, type LitElement, type ReactiveController} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';

/** Who the form is for and which feed it reads. */
export interface ContactTarget {
  /** Unique within the host: used for ids. */
  key: string;
  recipient?: string;
  project?: string;
  feed: {src?: string; data?: unknown};
}

export class ContactDisclosure implements ReactiveController {
  /** The key of the open panel. */
  open?: string;

  constructor(private readonly _host: LitElement) {
    _host.addController(this);
  }

  hostDisconnected(): void {
    this.open = undefined;
  }

  /** The opener: `label` is what it says, `name` its accessible name when that must differ. */
  button(key: string, label: string, name?: string) {
    return html`<button
      type="button"
      class="button contact"
      id="open-${key}"
      aria-expanded=${this.open === key ? 'true' : 'false'}
      aria-controls="panel-${key}"
      aria-label=${ifDefined(name)}
      @click=${() => this._toggle(key)}
    >
      ${label}
    </button>`;
  }

  /** The panel, while open. */
  panel(target: ContactTarget, heading: string, level: number, closeLabel: string) {
    const {key} = target;
    if (this.open !== key) return nothing;
    return html`<div part="panel" class="panel" id="panel-${key}" @keydown=${this._handleKeydown}>
      <div class="heading" id="panel-heading-${key}" role="heading" aria-level=${Math.min(6, level)} tabindex="-1">${heading}</div>
      <loft-contact-form
        recipient=${ifDefined(target.recipient)}
        project=${ifDefined(target.project)}
        heading-level=${Math.min(6, level + 1)}
        src=${ifDefined(target.feed.src)}
        .data=${target.feed.data}
      ></loft-contact-form>
      <button type="button" class="button" @click=${() => this.close()}>${closeLabel}</button>
    </div>`;
  }

  /** Closes the open panel and gives focus back to its button. */
  async close(): Promise<void> {
    const key = this.open;
    if (key === undefined) return;
    this.open = undefined;
    this._host.requestUpdate();
    await this._host.updateComplete;
    this._host.renderRoot.querySelector<HTMLElement>(`#open-${CSS.escape(key)}`)?.focus();
  }

  private async _toggle(key: string): Promise<void> {
    if (this.open === key) return this.close();
    this.open = key;
    this._host.requestUpdate();
    await this._host.updateComplete;
    const panel = this._host.renderRoot.querySelector(`#panel-${CSS.escape(key)}`);
    const form = panel?.querySelector('loft-contact-form') as (HTMLElement & {updateComplete?: Promise<unknown>}) | null;
    if (form && customElements.get('loft-contact-form')) {
      await form.updateComplete;
      form.focus();
    } else {
      panel?.querySelector<HTMLElement>('[role="heading"]')?.focus();
    }
  }

  private _handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    void this.close();
  };
}
