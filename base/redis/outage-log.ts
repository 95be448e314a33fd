// One log line when Redis goes away and one when it is back, for the whole process. ioredis
// reconnects by itself and reports every failed attempt on every connection, and BullMQ forwards
// those from its own clients as worker and queue errors: left alone, an outage filled the log.
// An outage starts with the first connection error from any client and ends when every watched
// connection that failed is ready again (and a PING answers, if BullMQ's clients noticed first);
// connection errors in between are the same outage. Other errors are still logged, each one.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|Connection is closed|Stream isn't writeable|connect ETIMEDOUT|Socket closed unexpectedly|LOADING/;

export function isConnectionError(err: Error): boolean {
  return CONNECTION_ERROR.test(err.message) || CONNECTION_ERROR.test((err as { code?: string }).code ?? '');
}

/** Stands in the set of failed connections for a client this log does not watch. */
const UNWATCHED = Symbol('unwatched client');
/** How long Redis may take to answer a PING before an unwatched client's error counts as an outage. */
const STALE_CHECK_MS = 1_000;

export class RedisOutageLog {
  private readonly down = new Set<Redis | typeof UNWATCHED>();
  private since: number | null = null;
  /** A watched connection to ask whether Redis answers, when an unwatched client reports an error. */
  private probe: Redis | null = null;
  /** Such a question is out. */
  private checking = false;

  /** `quiet`: count outages but leave the lines to another part of the process (article threads). */
  constructor(
    private readonly log: Logger,
    private readonly quiet = false,
  ) {}

  get inOutage(): boolean {
    return this.since !== null;
  }

  /** Follows a connection: its errors start (or continue) an outage, its 'ready' may end it. */
  watch(connection: Redis): Redis {
    this.probe ??= connection;
    connection.on('error', (err: Error) => this.lost(connection, err));
    connection.on('ready', () => this.ready(connection));
    // Closed for good (quit): it will never be ready again, so it cannot hold an outage open.
    connection.on('end', () => this.ready(connection));
    return connection;
  }

  /**
   * An error reported by a client this log does not watch (a BullMQ worker's or queue's own
   * connection): part of the outage if it is about the connection, else logged as `message`.
   * Outside an outage such an error may be the first sign of one, or a stale report of a
   * reconnect attempt from the one that just ended: a watched connection is asked (PING, queued
   * until Redis answers). An answer within a second means Redis is up and nothing is logged;
   * otherwise the outage starts now and the answer ends this client's part of it.
   */
  report(err: Error, message: string, fields: Record<string, unknown> = {}): void {
    if (!isConnectionError(err)) {
      this.log.error({ ...fields, err: err.message }, message);
      return;
    }
    if (this.inOutage || this.checking || !this.probe) return;
    this.checking = true;
    let answered = false;
    const settle = (): void => {
      answered = true;
      this.checking = false;
      this.ready(UNWATCHED);
    };
    this.probe.ping().then(settle, settle);
    setTimeout(() => {
      if (!answered) this.lost(UNWATCHED, err);
    }, STALE_CHECK_MS).unref();
  }

  private lost(connection: Redis | typeof UNWATCHED, err: Error): void {
    this.down.add(connection);
    if (this.since !== null) return;
    this.since = Date.now();
    if (!this.quiet) this.log.warn({ err: err.message }, 'redis connection lost; reconnecting');
  }

  private ready(connection: Redis | typeof UNWATCHED): void {
    if (!this.down.delete(connection) || this.down.size > 0 || this.since === null) return;
    const seconds = Math.round((Date.now() - this.since) / 100) / 10;
    this.since = null;
    if (!this.quiet) this.log.info({ seconds }, 'redis connection back');
  }
}
