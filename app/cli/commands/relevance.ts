// `tinwatch relevance explain|marks`: the topic classifier's verdict in words, and people's marks.
import type { Command } from 'commander';

export function registerRelevanceCommand(program: Command): void {
  const relevanceCmd = program.command('relevance').description('the topic classifier (config/topics/*.json)');

  relevanceCmd
    .command('explain')
    .description("print each topic profile's verdict on an article, the reason in words and the sentences that decided")
    .argument('[file]', 'a text file in the output format, or a saved HTML page (with --url)')
    .option('--url <url>', 'the page address: fetched when no FILE is given, picks the source for a saved HTML FILE')
    .option('--profile <name>', 'only this topic profile')
    .action(async (file: string | undefined, opts: { url?: string; profile?: string }) => {
      const { loadArticleInput } = await import('../article-input.js');
      const { explainRelevance } = await import('../../../src/relevance/explain-relevance.js');
      const { topicProfile } = await import('../../../config/load-topics.js');
      const article = await loadArticleInput({ file, url: opts.url });
      const profiles = opts.profile ? [topicProfile(opts.profile).name] : undefined;
      process.stdout.write(`${explainRelevance(article, profiles)}\n`);
    });

  relevanceCmd
    .command('marks')
    .description(
      'print the on/off marks people gave borderline stories on the dashboard, with their text, as JSON lines (labelled examples for npm run eval:relevance -- --marks FILE)',
    )
    .action(async () => {
      const { createRuntime } = await import('../../../pipeline/runtime/runtime.js');
      const { exportMarks } = await import('../../../src/relevance/relevance-marks.js');
      const rt = await createRuntime({ outFolder: 'none' });
      try {
        process.stdout.write(await exportMarks(rt.redis, rt.keys, rt.outDir));
      } finally {
        await rt.close();
      }
    });
}
