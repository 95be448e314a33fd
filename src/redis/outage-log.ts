// One log line when Redis goes away and one when it is back, for the whole process. ioredis
// reconnects by itself and reports every failed attempt on every connection, and BullMQ forwards
// those from its own clients as worker and queue errors: left alone, a 90 s outage was ~180 lines.
// An outage starts when the first watched connection errors and ends when every watched
// connection that errored is ready again; connection errors from anywhere in between are the
// same outage. Errors that are not about the connection are still logged, each one.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|Connection is closed|Stream isn't writeable|connect ETIMEDOUT|Socket closed unexpectedly|LOADING/;

export function isConnectionError(err: Error): boolean {
  return CONNECTION_ERROR.test(err.message) || CONNECTION_ERROR.test((err as { code?: string }).code ?? '');
}

export class RedisOutageLog {
  private readonly down = new Set<Redis>();
  private since: number | null = null;
  /** A connection error seen from a client this log does not watch (BullMQ's own), not yet logged. */
  private strayLogged = false;

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
    connection.on('error', (err: Error) => this.lost(connection, err));
    connection.on('ready', () => this.ready(connection));
    // Closed for good (quit): it will never be ready again, so it cannot hold an outage open.
    connection.on('end', () => this.ready(connection));
    return connection;
  }

  /**
   * An error reported by a client this log does not watch (a BullMQ worker or queue): part of
   * the outage if it is about the connection, else logged as `message`.
   */
  report(err: Error, message: string, fields: Record<string, unknown> = {}): void {
    if (!isConnectionError(err)) {
      this.log.error({ ...fields, err: err.message }, message);
      return;
    }
    // A watched connection will say when it is back; an unwatched client's hiccup while every
    // watched one is up is logged once until the next outage, not once per attempt.
    if (this.inOutage || this.strayLogged || this.quiet) return;
    this.strayLogged = true;
    this.log.warn({ ...fields, err: err.message }, `${message} (redis connection)`);
  }

  private lost(connection: Redis, err: Error): void {
    this.down.add(connection);
    if (this.since !== null) return;
    this.since = Date.now();
    if (!this.quiet) this.log.warn({ err: err.message }, 'redis connection lost; reconnecting');
  }

  private ready(connection: Redis): void {
    if (!this.down.delete(connection) || this.down.size > 0 || this.since === null) return;
    const seconds = Math.round((Date.now() - this.since) / 100) / 10;
    this.since = null;
    this.strayLogged = false;
    if (!this.quiet) this.log.info({ seconds }, 'redis connection back');
  }
}
