// What the outcome steps of one article job share: the job, its source, what extraction read and
// the time to write (the page's own date, else the feed's).
import type { SourceConfig } from '../../config/source-schema.js';
import type { ExtractedArticle } from '../../src/extract/extract-article.js';
import type { ArticleJobData } from '../../base/queues.js';

export interface ArticleContext {
  data: ArticleJobData;
  source: SourceConfig;
  article: ExtractedArticle;
  publishedAt: string | null;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
