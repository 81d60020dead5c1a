import {css} from 'lit';

export const contactFormStyles = css`
  /* Unset, error marks are red mixed half with the text colour: dark red on a light page,
     light red on a dark one, readable on both (a fixed red fails contrast on dark pages). */
  :host {
    --_error: var(--loft-color-error, color-mix(in srgb, #b00020 50%, currentColor));
  }
  form {
    display: grid;
    gap: var(--loft-space, 1rem);
    max-width: 40em;
  }
  .legend,
  .status:empty {
    margin: 0;
  }
  .legend {
    color: var(--loft-color-muted, inherit);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: bold;
  }
  /* Field borders have a property of their own: --loft-color-border draws decorative frames
     and may be light, but a field's edge is what shows where to type (WCAG 1.4.11: 3:1).
     Unset, it is the text colour. */
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  textarea {
    font: inherit;
    color: inherit;
    line-height: 1.4;
    letter-spacing: normal;
    text-transform: none;
    width: 100%;
    min-height: 44px;
    padding: 0.4em 0.6em;
    border: 2px solid var(--loft-color-field-border, currentColor);
    border-radius: var(--loft-radius, 4px);
    background: var(--loft-color-surface, transparent);
  }
  textarea {
    resize: vertical;
  }
  input:focus-visible,
  textarea:focus-visible,
  .summary:focus-visible,
  .failure:focus-visible,
  .sent:focus-visible {
    outline: 3px solid var(--loft-color-accent, currentColor);
    outline-offset: 2px;
  }
  .summary:focus:not(:focus-visible),
  .failure:focus:not(:focus-visible),
  .sent:focus:not(:focus-visible) {
    outline: none;
  }
  .invalid input,
  .invalid textarea {
    border-color: var(--_error);
    border-width: 3px;
  }
  .field-error {
    margin: 0;
    font-weight: bold;
    color: var(--_error);
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.6em;
    align-items: start;
  }
  .check .field-error {
    grid-column: 1 / -1;
  }
  .check input {
    width: 1.5em;
    height: 1.5em;
    margin: 0.1em 0 0;
    accent-color: var(--loft-color-accent, auto);
  }
  .check label {
    font-weight: normal;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
    min-width: 0;
  }
  legend {
    font-weight: bold;
    padding: 0;
  }
  .notice p {
    margin: 0 0 0.5em;
  }
  .summary {
    border: 3px solid var(--_error);
    border-radius: var(--loft-radius, 4px);
    padding: var(--loft-space, 1rem);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .summary a {
    color: var(--_error);
    font-weight: bold;
  }
  .failure p {
    margin: 0 0 0.5em;
  }
  .submit {
    justify-self: start;
    font-weight: bold;
  }
  .submit[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .sent {
    border-inline-start: 4px solid var(--loft-color-accent, currentColor);
    padding: calc(var(--loft-space, 1rem) * 0.5) var(--loft-space, 1rem);
    /* Room for its focus ring (3px + 2px offset), which then overlaps nothing around it. */
    margin: 5px;
  }
  .sent p:last-child {
    margin-bottom: 0;
  }
  /* The honeypot: clipped away for people (not moved off-screen, which in a right-to-left
     layout widens the page), inert for assistive technology and the keyboard. */
  .hp {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .summary,
    .invalid input,
    .invalid textarea {
      border-color: Mark;
    }
    .field-error,
    .summary a {
      color: CanvasText;
    }
  }
`;
