import {css} from 'lit';

/** The "Kontakta X" disclosure (contact-disclosure.ts), in the member list and the project. */
export const contactDisclosureStyles = css`
  .contact {
    margin-block-start: 0.5em;
  }
  /* Open or closed at a glance, not only to screen readers (aria-expanded): a chevron that
     points down when the panel is closed and up when it is open, drawn in the text colour
     so it stays in forced colours. */
  .chevron {
    display: inline-block;
    width: 0.45em;
    height: 0.45em;
    margin-inline-start: 0.6em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: translateY(-0.15em) rotate(45deg);
  }
  .contact[aria-expanded='true'] .chevron {
    transform: translateY(0.1em) rotate(-135deg);
  }
  .contact[aria-expanded='true'] {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .panel {
    grid-column: 1 / -1;
    border: 1px solid var(--loft-color-border, color-mix(in srgb, currentColor 25%, transparent));
    border-radius: var(--loft-radius, 4px);
    background: var(--loft-color-surface, transparent);
    padding: var(--loft-space, 1rem);
  }
  /* Focus waits on the panel while the form's code loads, and stays there with the message
     if it cannot be loaded: an outline as on every other element (forced colours keep it),
     drawn inside the panel's edge, so a page column that clips its overflow cannot hide it. */
  .panel:focus-visible {
    outline: 3px solid currentColor;
    outline-offset: -4px;
  }
  .panel:focus:not(:focus-visible) {
    outline: none;
  }
  /* "Stäng" belongs to the panel, not to the form: below a rule, well away from "Skicka". */
  .panel-close {
    margin-block-start: calc(var(--loft-space, 1rem) * 1.5);
    padding-block-start: var(--loft-space, 1rem);
    border-block-start: 1px solid var(--loft-color-border, color-mix(in srgb, currentColor 25%, transparent));
    display: flex;
    justify-content: flex-end;
  }
`;
