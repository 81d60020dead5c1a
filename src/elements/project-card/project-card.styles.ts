import {css} from 'lit';

export const projectCardStyles = css`
  .card {
    container-type: inline-size;
    background: var(--loft-color-surface, transparent);
    border: 1px solid var(--loft-color-border, color-mix(in srgb, currentColor 25%, transparent));
    border-radius: var(--loft-radius, 4px);
    padding: var(--loft-space, 1rem);
  }
  .facts {
    margin: 0;
    display: grid;
    gap: calc(var(--loft-space, 1rem) * 0.75);
  }
  .row {
    display: grid;
    gap: 0.125em;
  }
  @container (min-width: 36em) {
    .row {
      grid-template-columns: var(--loft-project-card-label-width, 12em) 1fr;
      gap: var(--loft-space, 1rem);
    }
  }
  dt {
    font-weight: bold;
    color: var(--loft-color-muted, inherit);
  }
  dd {
    margin: 0;
  }
  .partners {
    /* Safari drops the list role of a list without markers: the template says role="list". */
    list-style: none;
    margin: 0;
    padding: 0;
    display: inline;
  }
  .partners li {
    display: inline;
  }
`;

/** The compact card, shared by `variant="compact"` and the items of `<loft-project-list>`. */
export const compactStyles = css`
  .compact {
    display: grid;
    gap: 0.25em;
    align-content: start;
  }
  .compact > * {
    margin: 0;
  }
  .compact .heading {
    font-size: 1.15em;
  }
  .compact .status {
    font-size: 0.9em;
    color: var(--loft-color-muted, inherit);
  }
`;
