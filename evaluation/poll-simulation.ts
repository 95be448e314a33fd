// The feed-polling policy on a virtual clock: when each published item is first seen by a poll,
// and how many feed requests each host served, with the product's own policy (nextPoll) and the
// rules of the host's feed turns (one request a spacing per host; when the turn frees, the feed
// due longest takes it; the spacing counts from the answer). No timers, no Redis: the result
// depends on the day and the policy only, never on how loaded the machine is, so whole days and
// many seeds run in seconds. The full-pipeline benchmark (scripts/bench/bench-feed-latency.ts)
// measures the same on a running pipeline with a fast clock, which a loaded machine distorts.
import { nextPoll, type PollLimits } from '../crawlers/poll/poll-policy.js';
import { itemTime } from '../crawlers/poll/publish-history.js';

export interface SimFeed {
  host: string;
  /** Items the feed lists at once (the newest first): an item pushed out unseen is missed. */
  shown: number;
}

export interface SimItem {
  feed: number;
  /** Publication time, ms. */
  at: number;
}

export interface SimOptions {
  feeds: SimFeed[];
  items: SimItem[];
  /** Simulated time the polls start (the chains' first poll), and the end of the measured day. */
  start: number;
  end: number;
  /** Items published at or after this are measured (earlier ones only build the history). */
  measureFrom: number;
  limits: PollLimits;
  /** One feed request a spacing per host. */
  hostSpacingMs: number;
  /** From the request to its answer. */
  responseMs: number;
}

export interface SimResult {
  /** Per measured item seen, ms from publication to the answer of the poll that listed it. */
  waits: number[];
  /** Measured items pushed out of their feed before any poll saw them. */
  missed: number;
  /** Feed requests per host inside the measured window. */
  requests: Map<string, number>;
  /** The shortest gap between two feed requests to one host, ms. */
  shortestGapMs: number;
}

export function simulatePolling(o: SimOptions): SimResult {
  const byFeed = o.feeds.map((_, f) => o.items.filter((it) => it.feed === f).sort((a, b) => a.at - b.at));
  const seenUpTo = o.feeds.map(() => 0); // items of the feed already seen, oldest first
  const history = o.feeds.map(() => [] as number[]);
  const due = o.feeds.map(() => o.start);
  const turnFree = new Map<string, number>();
  const lastRequest = new Map<string, number>();
  const requests = new Map<string, number>(o.feeds.map((f) => [f.host, 0]));
  const waits: number[] = [];
  let missed = 0;
  let shortestGapMs = Infinity;

  for (;;) {
    // The next request anywhere: each feed polls when it is due and its host's turn is free; of
    // feeds waiting on one host, the one due longest goes first.
    let pick = -1;
    let pickAt = Infinity;
    o.feeds.forEach((feed, f) => {
      const at = Math.max(due[f]!, turnFree.get(feed.host) ?? -Infinity);
      if (at < pickAt || (at === pickAt && pick >= 0 && due[f]! < due[pick]!)) {
        pick = f;
        pickAt = at;
      }
    });
    if (pick < 0 || pickAt > o.end) break;
    const feed = o.feeds[pick]!;
    const sent = pickAt;
    const answered = sent + o.responseMs;
    const previous = lastRequest.get(feed.host);
    if (previous !== undefined) shortestGapMs = Math.min(shortestGapMs, sent - previous);
    lastRequest.set(feed.host, sent);
    if (sent >= o.measureFrom) requests.set(feed.host, (requests.get(feed.host) ?? 0) + 1);

    // What the feed lists at `sent`: its newest `shown` items published by then.
    const items = byFeed[pick]!;
    let published = seenUpTo[pick]!;
    while (published < items.length && items[published]!.at <= sent) published++;
    const firstShown = Math.max(0, published - feed.shown);
    for (let i = seenUpTo[pick]!; i < published; i++) {
      const it = items[i]!;
      if (it.at < o.measureFrom) continue;
      if (i < firstShown) missed++;
      else waits.push(answered - it.at);
    }
    for (let i = Math.max(seenUpTo[pick]!, firstShown); i < published; i++) {
      const t = itemTime(new Date(items[i]!.at).toISOString(), sent);
      if (t !== null) history[pick]!.push(t);
    }
    seenUpTo[pick] = published;

    turnFree.set(feed.host, answered + o.hostSpacingMs);
    due[pick] = answered + nextPoll(history[pick]!, answered, o.limits).delayMs;
  }
  return { waits, missed, requests, shortestGapMs };
}
