/**
 * "Kontakta X": a button that opens a `<loft-contact-form>` for one person (or the project)
 * in a disclosure right below it, registering the contact form element the first time a
 * panel opens (a page that never opens one never loads the form's code). Opening moves
 * focus to the form's first field; Escape and the close button close the panel and return
 * focus to the button. One panel is open at a time. Where the form's code cannot be loaded
 * (a file missing on the server), the panel says so, and the console tells the editor which.
 */
import {html, nothing, type LitElement, type ReactiveController} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {ResolvedText} from '../../feed/view/resolver.js';
import type {ActionView, PanelTexts} from '../../feed/view/member-list.js';
import {reportFileMissing} from './loft-element.js';

/** Who the form is for, which feed it reads, and the host's run-time catalog (its language is the host's). */
export interface ContactTarget {
  /** Unique within the host: used for ids. */
  key: string;
  recipient?: string;
  project?: string;
  feed: {src?: string; data?: unknown};
  catalog?: string;
}

type Text = (text: ResolvedText | undefined) => unknown;

export class ContactDisclosure implements ReactiveController {
  /** The key of the open panel. */
  open?: string;

  /** The key of the open panel whose form could not be loaded. */
  private _failed?: string;

  constructor(private readonly _host: LitElement) {
    _host.addController(this);
  }

  hostDisconnected(): void {
    this.open = undefined;
  }

  /** The opener. */
  button(key: string, action: ActionView, text: Text) {
    const open = this.open === key;
    return html`<button
      type="button"
      class="button contact"
      id="open-${key}"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="panel-${key}"
      aria-label=${ifDefined(action.accessibleName)}
      @click=${() => this._toggle(key)}
    >
      ${text(action.label)}<span class="chevron" aria-hidden="true"></span>
    </button>`;
  }

  /**
   * The panel, while open: the form (or, where its code could not be loaded, `texts.fileMissing`),
   * then a close button (`texts.close`) set apart from the form's own send button.
   */
  panel(target: ContactTarget, level: number, texts: PanelTexts, text: Text) {
    const {key} = target;
    if (this.open !== key) return nothing;
    return html`<div part="panel" class="panel" id="panel-${key}" tabindex="-1" @keydown=${this._handleKeydown}>
      ${this._failed === key
        ? html`<div part="error" class="error" role="alert"><p>${text(texts.fileMissing)}</p></div>`
        : html`<loft-contact-form
            recipient=${ifDefined(target.recipient)}
            project=${ifDefined(target.project)}
            heading-level=${Math.min(6, level)}
            catalog=${ifDefined(target.catalog)}
            src=${ifDefined(target.feed.src)}
            .data=${target.feed.data}
          ></loft-contact-form>`}
      <div class="panel-close"><button type="button" class="button secondary" @click=${() => this.close()}>${text(texts.close)}</button></div>
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
    this._failed = undefined;
    this._host.requestUpdate();
    await this._host.updateComplete;
    const panel = this._host.renderRoot.querySelector<HTMLElement>(`#panel-${CSS.escape(key)}`);
    // Until the form's code is there, focus waits on the panel (it is inside the disclosure).
    panel?.focus();
    try {
      await import('../../define/contact-form.js');
    } catch (error) {
      // As the loader says it: the visitor gets the panel's message (focus stays on the panel, around it).
      reportFileMissing(this._host.localName, error);
      if (this.open !== key) return;
      this._failed = key;
      this._host.requestUpdate();
      return;
    }
    if (this.open !== key) return;
    panel?.querySelector('loft-contact-form')?.focus();
  }

  private _handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    void this.close();
  };
}
