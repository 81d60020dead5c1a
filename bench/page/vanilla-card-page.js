/* global CARD_CSS -- the card's CSS text, put in by bench/run.mjs when it bundles this file */
// The hand-written baseline of a whole page load (bench/run.mjs, "page load" rows): one
// script, bundled with its CSS, that shows the summary card of #card from its inline JSON or
// from the feed its data-src names, then says when the card is laid out (window.__shown).
import {shadowHost, summaryCard} from './vanilla.js';

const host = document.getElementById('card');
const inline = host.querySelector('script[type="application/json"]');
const feed = inline ? JSON.parse(inline.textContent) : await (await fetch(host.dataset.src, {credentials: 'omit'})).json();
const root = shadowHost(host, CARD_CSS);
root.append(summaryCard(feed, host.dataset.project));
root.firstElementChild.getBoundingClientRect();
window.__shown(performance.now());
