import {css} from 'lit';

export const projectListStyles = css`
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: var(--loft-space, 1rem);
    margin-bottom: var(--loft-space, 1rem);
  }
  .field {
    display: grid;
    gap: 0.25em;
    align-content: end;
    /* A long label or option (large type, a long organisation name) wraps or narrows
       instead of pushing the field past its column. */
    min-width: 0;
    grid-template-columns: minmax(0, 1fr);
  }
  .search {
    grid-column: 1 / -1;
  }
  label {
    font-weight: bold;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    min-height: 44px;
    max-width: 100%;
    padding: 0.25em 0.5em;
    border: 1px solid currentColor;
    border-radius: var(--loft-radius, 4px);
    background: var(--loft-color-surface, transparent);
  }
  option {
    color: initial;
  }
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid currentColor;
    outline-offset: 2px;
  }
  .count {
    color: var(--loft-color-muted, inherit);
  }
  .projects {
    /* Safari drops the list role of a list without markers: the template says role="list". */
    list-style: none;
    margin: 0 0 var(--loft-space, 1rem);
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--loft-project-list-card-width, 16rem)), 1fr));
    gap: var(--loft-space, 1rem);
  }
  .item {
    border: 1px solid var(--loft-color-border, color-mix(in srgb, currentColor 25%, transparent));
    border-radius: var(--loft-radius, 4px);
    background: var(--loft-color-surface, transparent);
    padding: var(--loft-space, 1rem);
  }
  .item:focus-visible {
    outline: 3px solid currentColor;
    outline-offset: 2px;
  }
`;
