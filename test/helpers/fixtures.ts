/** Shared helpers for the browser tests. */
import {aTimeout, nextFrame, waitUntil} from '@open-wc/testing';
// Every element, registered as the package's define modules do (the CDN loader is tested on host pages).
import '../../src/define/project-card.js';
import '../../src/define/member-list.js';
import '../../src/define/project.js';
import '../../src/define/project-list.js';
import '../../src/define/contact-form.js';

/** The reference feed (RISE's LOFT page as a feed), fresh for each call. */
export async function referenceFeed(): Promise<Record<string, any>> {
  const response = await fetch('/demo/feeds/loft.feed.json');
  return response.json();
}

/** The made-up municipality feed. */
export async function exempelbyFeed(): Promise<Record<string, any>> {
  const response = await fetch('/demo/feeds/exempelby.feed.json');
  return response.json();
}

/** Sets the page language and waits for the widgets to follow. */
export async function setPageLang(lang: string): Promise<void> {
  document.documentElement.lang = lang;
  await aTimeout(0);
  await aTimeout(0);
}

/** Waits until an element has finished loading its feed (shows content or an error). */
export async function settled(el: HTMLElement): Promise<void> {
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('[part="base"][aria-busy="true"]'), 'element did not finish loading', {timeout: 8000});
  await (el as any).updateComplete;
}

/** Waits for the loading state of an element still waiting for its feed: it shows from the next frame on (the frame before it may already bring the content). */
export async function loadingShown(el: HTMLElement): Promise<void> {
  await nextFrame();
  await (el as any).updateComplete;
}

/** The visible text of an element's shadow root, whitespace folded. */
export function textOf(el: Element | ShadowRoot | null | undefined): string {
  if (!el) return '';
  const root = el instanceof ShadowRoot ? el : (el.shadowRoot ?? el);
  return (root as ParentNode & Node).textContent!.replace(/\s+/g, ' ').trim();
}

/** Definition-list facts as label → value text. */
export function facts(el: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of el.shadowRoot!.querySelectorAll('dl > div')) {
    out[textOf(row.querySelector('dt'))] = textOf(row.querySelector('dd'));
  }
  return out;
}

/** How many requests the fault server saw for a key. */
export async function requestCount(key: string): Promise<number> {
  const response = await fetch(`/faults/count?key=${encodeURIComponent(key)}`);
  return (await response.json()).count;
}

/** Collects events of a type fired on the document. */
export function collect<T extends Event>(type: string): {events: T[]; stop: () => void} {
  const events: T[] = [];
  const listener = (e: Event) => events.push(e as T);
  document.addEventListener(type, listener);
  return {events, stop: () => document.removeEventListener(type, listener)};
}

/** A unique key for fault-server counters. */
export function uniqueKey(): string {
  return Math.random().toString(36).slice(2);
}

/** Counts the page's turns (message-channel tasks) until `stop` is called. */
function countTurns(): {count: () => number; stop: () => void} {
  let turns = 0;
  let running = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    turns++;
    if (running) channel.port2.postMessage(undefined);
  };
  channel.port2.postMessage(undefined);
  return {count: () => turns, stop: () => ((running = false), channel.port1.close())};
}

/**
 * Counts the times the page was given a turn until `stop` is called: message-channel tasks,
 * and calls of `scheduler.yield()` where there is one (its continuations go before other
 * tasks, so a message may not be seen between two of them).
 */
export function countPauses(): {count: () => number; stop: () => void} {
  const turns = countTurns();
  const scheduler = (globalThis as {scheduler?: {yield?: () => Promise<void>}}).scheduler;
  const original = scheduler?.yield;
  const own = !!scheduler && Object.hasOwn(scheduler, 'yield');
  let yields = 0;
  if (scheduler && original) {
    scheduler.yield = () => {
      yields++;
      return original.call(scheduler);
    };
  }
  return {
    count: () => turns.count() + yields,
    stop: () => {
      turns.stop();
      if (scheduler && original) {
        if (own) scheduler.yield = original;
        else delete scheduler.yield;
      }
    },
  };
}
