// Errors the pipeline's stages raise (src/). Each says what went wrong in words a user can act on;
// the layers above decide what it means for a retry: crawlers/errors.ts wraps the fetch-time ones
// in crawlee's retry classes, the workers turn permanent ones into BullMQ's UnrecoverableError.

/** The page's bytes decode cleanly in no candidate charset: refused rather than written as mojibake. */
export class UndecodableTextError extends Error {
  override name = 'UndecodableTextError';
}

/** No Redis to talk to, or REDIS_URL does not answer: a setting to fix (the CLI exits 2). */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/** The dedupe index and the configuration disagree; nothing can be decided until an operator acts. */
export class IndexSettingsError extends Error {
  override name = 'IndexSettingsError';
}

/** An alert channel's receiver answered with an error (never carries the URL: it may be the secret). */
export class ChannelHttpError extends Error {
  override name = 'ChannelHttpError';
}
