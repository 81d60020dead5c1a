import {css} from 'lit';

export const projectStyles = css`
  article {
    display: grid;
    gap: calc(var(--loft-space, 1rem) * 1.5);
  }
  article > * {
    margin: 0;
  }
  .title {
    font-size: 1.6em;
  }
  .description p:last-child {
    margin-bottom: 0;
  }
  .quotes {
    display: grid;
    gap: var(--loft-space, 1rem);
  }
  .quote {
    margin: 0;
    padding-inline-start: var(--loft-space, 1rem);
    border-inline-start: 4px solid var(--loft-color-accent, currentColor);
  }
  blockquote {
    margin: 0 0 0.5em;
    font-size: var(--loft-project-quote-size, 1.15em);
    font-style: italic;
  }
  blockquote {
    quotes: auto;
  }
  blockquote::before {
    content: open-quote;
  }
  blockquote::after {
    content: close-quote;
  }
  figcaption {
    color: var(--loft-color-muted, inherit);
  }
`;
