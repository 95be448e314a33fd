// `tinwatch brief`: builds the day's briefing page, writes it (a temporary name, then renamed, so
// a reader never sees half a page) and, with --send, mails it through an email channel of the
// watchlist. Prints where it went.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSecret } from '../../config/env.js';
import { ConfigError } from '../../config/errors.js';
import { gatherBrief } from '../../src/brief/gather-brief.js';
import { renderBrief } from '../../src/brief/render-brief.js';
import { sendBrief } from '../../src/brief/send-brief.js';
import type { Runtime } from '../../pipeline/runtime/runtime.js';
import { briefStoresOf } from './brief-stores.js';

export interface BriefCommandOptions {
  day?: string;
  rule?: string;
  file?: string;
  send?: boolean;
  channel?: string;
  json?: boolean;
  silentDays?: number;
}

export async function runBriefCommand(rt: Runtime, opts: BriefCommandOptions): Promise<string> {
  if (opts.rule && !rt.alerts.watchlist.rules.some((r) => r.name === opts.rule))
    throw new ConfigError(`--rule: no watch rule named "${opts.rule}"`);
  const mail = opts.send ? emailChannel(rt, opts.channel) : null;
  const brief = await gatherBrief(briefStoresOf(rt), {
    ...(opts.day ? { day: opts.day } : {}),
    ...(opts.rule ? { rule: opts.rule } : {}),
    ...(opts.silentDays ? { silentDays: opts.silentDays } : {}),
  });
  if (opts.json) return `${JSON.stringify(brief, null, 2)}\n`;
  const html = renderBrief(brief, { links: 'outlet', ...(opts.rule ? { rule: opts.rule } : {}) });
  const file = opts.file ?? path.join(rt.outDir, 'briefs', `${brief.day}${opts.rule ? `-${opts.rule}` : ''}.html`);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, html);
  await rename(temp, file);
  const lines = [
    `briefing for ${brief.day}: ${brief.threads.length} threads (${brief.newThreads.length} new), ${brief.borderline.length} borderline waiting, ${brief.sources.length} sources failing or silent`,
    `written to ${file}`,
  ];
  if (mail) {
    const smtpUrl = readSecret(mail.cfg.smtpUrlEnv);
    if (!smtpUrl)
      throw new ConfigError(`channel "${mail.name}": environment variable ${mail.cfg.smtpUrlEnv} is not set`);
    await sendBrief(brief, html, mail.cfg, smtpUrl);
    lines.push(`sent through channel "${mail.name}" to ${mail.cfg.to.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The email channel to send through: the one named, else the watchlist's only email channel. */
function emailChannel(rt: Runtime, name: string | undefined) {
  const channels = Object.entries(rt.alerts.watchlist.channels);
  const emails = channels.filter(
    (c): c is [string, Extract<(typeof c)[1], { type: 'email' }>] => c[1].type === 'email',
  );
  if (name) {
    const found = emails.find(([n]) => n === name);
    if (!found)
      throw new ConfigError(
        `--channel: "${name}" is not an email channel of the watchlist (email channels: ${emails.map(([n]) => n).join(', ') || 'none'})`,
      );
    return { name, cfg: found[1] };
  }
  if (emails.length !== 1)
    throw new ConfigError(
      emails.length
        ? `--send: the watchlist has ${emails.length} email channels (${emails.map(([n]) => n).join(', ')}); name one with --channel`
        : '--send: the watchlist has no email channel (add one of type email)',
    );
  return { name: emails[0]![0], cfg: emails[0]![1] };
}
