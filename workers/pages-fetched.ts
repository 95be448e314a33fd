// The pages a crawl or a feed poll requested, counted by HTTP status for the dashboard and /metrics.
import type { CrawlSummary } from '../base/queues.js';
import type { PipelineStats } from '../src/stats/pipeline-stats.js';

export async function countPagesFetched(stats: PipelineStats, summary: CrawlSummary): Promise<void> {
  for (const [status, n] of Object.entries(summary.statusCounts)) {
    await stats.count({ name: 'pages_fetched', source: summary.sourceId, status }, n);
  }
}
