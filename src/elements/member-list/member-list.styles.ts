import {css} from 'lit';

export const memberListStyles = css`
  .people {
    container-type: inline-size;
    /* Safari drops the list role of a list without markers: the template says role="list". */
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--loft-space, 1rem) * 1.5);
  }
  .person:focus-visible {
    outline: 3px solid currentColor;
    outline-offset: 4px;
  }
  .show-more {
    margin-top: calc(var(--loft-space, 1rem) * 1.5);
  }
  .person {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: var(--loft-space, 1rem);
    align-items: start;
  }
  .photo {
    --_size: var(--loft-member-list-photo-size, 6rem);
    width: var(--_size);
    aspect-ratio: 1;
    border-radius: 50%;
    overflow: hidden;
    display: grid;
    place-items: center;
    font-weight: bold;
    font-size: calc(var(--_size) / 3);
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .photo img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .name {
    font-weight: bold;
    font-size: 1.1em;
  }
  .muted {
    color: var(--loft-color-muted, inherit);
  }
  .roles {
    /* Safari drops the list role of a list without markers: the template says role="list". */
    list-style: none;
    margin: 0.25em 0 0.5em;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
  }
  .roles li {
    border: 1px solid var(--loft-color-accent, currentColor);
    border-radius: var(--loft-radius, 4px);
    padding: 0 0.4em;
    font-size: 0.9em;
  }
  .about {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25em;
  }
  @container (max-width: 18em) {
    .person {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (forced-colors: active) {
    .photo {
      border: 1px solid CanvasText;
    }
  }
`;
