// Conditional GET for feeds and listings: each request carries the validators (ETag,
// Last-Modified) of the last crawl that read the page fully, so an unchanged page costs the
// outlet a 304. Validators are saved only after a crawl that fetched every new article: a 304 next
// time must not hide an article this crawl failed to fetch.
import type { Redis } from 'ioredis';
import type { Keys } from '../../base/redis/keys.js';
import type { FetchRequest } from '../fetch-request.js';

const VALIDATOR_TTL_SECONDS = 24 * 3600;

export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** The requests with If-None-Match / If-Modified-Since added where validators are known. */
export async function withValidators<T extends FetchRequest>(redis: Redis, keys: Keys, requests: T[]): Promise<T[]> {
  return Promise.all(
    requests.map(async (r) => {
      const v = await redis.hgetall(keys.validators(r.url));
      const headers: Record<string, string> = {};
      if (v.etag) headers['if-none-match'] = v.etag;
      if (v.lastModified) headers['if-modified-since'] = v.lastModified;
      return Object.keys(headers).length ? { ...r, headers } : r;
    }),
  );
}

export async function saveValidators(redis: Redis, keys: Keys, items: [string, Validators][]): Promise<void> {
  for (const [url, v] of items) {
    const key = keys.validators(url);
    const fields = Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as Record<string, string>;
    await redis.multi().del(key).hset(key, fields).expire(key, VALIDATOR_TTL_SECONDS).exec();
  }
}
