// What the terminal says about failing sources: one line per cause, not one per failed fetch. With
// no network every feed poll and crawl fails within a minute, for one reason; the operator needs
// "20 of 20 sources: DNS lookup fails — is the network down?", not a line per feed and retry.
// At start it waits until every source has had its first poll or crawl (or `firstRoundMs`), then
// says each cause once; after that, new failures are gathered for `windowMs` and said the same
// way. A source is said again only when its cause changes, and once when it works again.
import { causeWords, looksLikeNetworkDown } from '../crawlers/failure-cause.js';
import type { Logger } from '../base/logger.js';

export interface ReportedFailure {
  cause: string;
  via: string;
  reason: string;
  since: string;
  retryAt?: string;
}

export class FailingSourcesReport {
  private readonly announced = new Map<string, string>();
  private readonly pending = new Map<string, ReportedFailure>();
  private readonly tried = new Set<string>();
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: Logger,
    private readonly sourceIds: readonly string[],
    private readonly opts: { windowMs: number; firstRoundMs: number } = { windowMs: 2_000, firstRoundMs: 60_000 },
    /**
     * Sources failing as Redis records them (other processes, or polls before a restart that
     * are not due yet), by cause: they count toward "N of M sources" too.
     */
    private readonly failingElsewhere: () => Promise<Map<string, string>> = async () => new Map(),
  ) {}

  failed(sourceId: string, f: ReportedFailure): void {
    this.tried.add(sourceId);
    if (this.announced.get(sourceId) === f.cause) return;
    this.pending.set(sourceId, f);
    this.schedule();
  }

  succeeded(sourceId: string): void {
    this.tried.add(sourceId);
    this.pending.delete(sourceId);
    if (this.announced.delete(sourceId)) this.log.info({ sourceId }, `${sourceId} works again`);
    if (this.pending.size) this.schedule();
  }

  private inFirstRound(): boolean {
    return this.sourceIds.some((id) => !this.tried.has(id)) && Date.now() - this.startedAt < this.opts.firstRoundMs;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    // In the first round a flush waits for the last source; it is re-planned at each outcome.
    const wait = this.inFirstRound() ? this.startedAt + this.opts.firstRoundMs - Date.now() : this.opts.windowMs;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, wait));
    this.timer.unref();
  }

  /** Says every pending failure, one line per cause. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const elsewhere = await this.failingElsewhere().catch(() => new Map<string, string>());
    const byCause = new Map<string, [string, ReportedFailure][]>();
    for (const [id, f] of this.pending) byCause.set(f.cause, [...(byCause.get(f.cause) ?? []), [id, f]]);
    this.pending.clear();
    const total = this.sourceIds.length;
    for (const [cause, group] of byCause) {
      for (const [id] of group) this.announced.set(id, cause);
      const failing = new Set([...this.announced].filter(([, c]) => c === cause).map(([id]) => id));
      for (const [id, c] of elsewhere) if (c === cause && this.sourceIds.includes(id)) failing.add(id);
      const failingNow = failing.size;
      const words = causeWords(cause);
      const example = group[0]![1];
      const ids = group.map(([id]) => id);
      if (group.length === 1 && failingNow < total) {
        const retry = example.retryAt ? `; tried again ${example.retryAt}` : '';
        this.log.warn(
          { sourceId: ids[0], cause, via: example.via, since: example.since, reason: example.reason },
          `${ids[0]} failing: ${words} (${example.via}: ${example.reason})${retry}`,
        );
        continue;
      }
      const all = failingNow === total;
      const line = all
        ? `${total} of ${total} sources: ${words}${looksLikeNetworkDown(cause) ? ' — is the network down?' : ''}`
        : `${failingNow} of ${total} sources: ${words} (${ids.join(', ')}${failingNow > group.length ? `; ${failingNow - group.length} more already failing` : ''})`;
      this.log.warn({ sources: ids, cause, via: example.via, example: example.reason }, line);
    }
  }
}
