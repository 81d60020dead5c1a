import {css} from 'lit';

/**
 * Styles every element starts from. The host page's font family, size and colour are
 * inherited by design; every other inherited property is set here, so a hostile host
 * stylesheet cannot collapse, hide or clip the content.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    font-family: var(--loft-font-family, inherit);
    color: var(--loft-color-text, inherit);
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    font-style: normal;
    font-weight: normal;
    font-variant: normal;
    overflow-wrap: anywhere;
    visibility: visible;
    cursor: auto;
    box-sizing: border-box;
  }
  .base:focus {
    outline: none;
  }
  .base:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  p {
    margin: 0 0 calc(var(--loft-space, 1rem) * 0.75);
  }
  .heading {
    font-size: 1.25em;
    font-weight: bold;
    line-height: 1.3;
    margin: 0 0 calc(var(--loft-space, 1rem) * 0.75);
  }
  a {
    color: var(--loft-color-accent, inherit);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 3px solid currentColor;
    outline-offset: 2px;
  }
  .button {
    font: inherit;
    line-height: 1.3;
    text-transform: none;
    letter-spacing: normal;
    display: inline-block;
    min-height: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--loft-color-accent, currentColor);
    border-radius: var(--loft-radius, 4px);
    background: var(--loft-color-surface, transparent);
    color: inherit;
    cursor: pointer;
  }
  .button:hover {
    text-decoration: underline;
  }
  .error {
    border-inline-start: 4px solid var(--loft-color-error, currentColor);
    padding: calc(var(--loft-space, 1rem) * 0.5) var(--loft-space, 1rem);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  /* The loading skeleton: one bar per line of text, each in a 1.5em line box (the content's
     line height), after a bar in a heading's line box, so it takes about the content's height. */
  .skeleton-box {
    container-type: inline-size;
  }
  .skeleton {
    display: grid;
  }
  .skeleton-line {
    display: block;
    height: 1.5em;
    padding: 0.25em 0;
    background: color-mix(in srgb, currentColor 12%, transparent);
    background-clip: content-box;
  }
  .skeleton-line:nth-child(odd) {
    width: 70%;
  }
  .skeleton-heading {
    width: 50%;
    height: calc(1.25em * 1.3);
    padding: 0.2em 0;
    margin-bottom: calc(var(--loft-space, 1rem) * 0.75);
  }
  @container (min-width: 30em) {
    .skeleton-line.narrow {
      display: none;
    }
  }
  @container (max-width: 30em) {
    .skeleton-line.wide {
      display: none;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-line {
      animation: loft-pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes loft-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (forced-colors: active) {
    /* background-color only: the shorthand would reset background-clip and merge the lines into one block. */
    .skeleton-line {
      background-color: GrayText;
    }
    .button {
      border-color: ButtonText;
    }
  }
`;
