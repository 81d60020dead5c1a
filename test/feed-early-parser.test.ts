/**
 * A long feed by `src`: the parser for dense texts (a chunk of its own) is fetched while the
 * rest of the feed arrives, not after it. In a file of its own, so that nothing on this page
 * has fetched that parser before.
 */
import {expect, fixture, html} from '@open-wc/testing';
import type {LoftProjectCard} from '../src/elements/project-card/project-card.js';
import {facts, settled, uniqueKey} from './helpers/fixtures.js';

describe('a feed past 150 KB', () => {
  it('fetches the parser for dense texts while the rest of it arrives', async () => {
    const src = `/faults/halting?kb=600&ms=1500&key=${uniqueKey()}`;
    const el = await fixture<LoftProjectCard>(html`<loft-project-card src=${src} project="loft"></loft-project-card>`);
    await settled(el);
    expect(facts(el).Status, 'the card from the 600 KB feed').to.equal('Pågående');
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const feed = entries.find((e) => e.name.includes('/faults/halting'))!;
    const parser = entries.find((e) => e.name.includes('json-in-slices'));
    expect(parser, 'the parser was fetched').to.exist;
    expect(parser!.startTime, 'before the feed had all arrived').to.be.lessThan(feed.responseEnd);
  });
});
