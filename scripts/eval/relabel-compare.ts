// node --import tsx scripts/eval/relabel-compare.ts DIR [--apply]: the blind re-read against the
// first labels (issue 33). DIR holds key-N.tsv from scripts/eval/blind-relabel.ts and the
// re-reader's relabel-N.tsv (blind id, new label, explicit: yes when a clause of the labelling
// guide decides the text outright, the clause as "tag: words"). Reports Cohen's κ on the agreed
// texts (the control: how stable the labelling is) and, on the disputed ones, how many flip, in
// which direction and by the clause that decided them.
//
// --apply changes a label in evaluation/own-set/mirror-relevance-labels.tsv only where the re-read
// differs from it AND its clause is explicit, and appends each change to the change log beside it
// (ids, old → new, clause; never text).
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cohenKappa } from '../../evaluation/cohen-kappa.js';
import { MIRROR_LABELS } from '../../evaluation/mirror-relevance-set.js';

/** The labelling guide's clauses a re-read cites, by tag (the log names the tag). */
const CLAUSES: [string, string][] = [
  ['nk-response', 'ON, a North Korean threat or test framed as a response to the alliance or its drills'],
  ['usfk', 'ON, US Forces Korea: troops, units, commanders, Camp Humphreys'],
  ['not-central', 'BORDER, Korea–US defence present but not clearly central (as a paragraph in another story)'],
  ['assets-near', 'BORDER, US carriers, bombers or submarines sent near the peninsula with no ROK role'],
  ['nk-timed', 'BORDER, a North Korean act timed with the drills but not framed as a response'],
  ['weapon-profile', 'BORDER, a weapon profile hooked on an alliance event'],
  ['diplomacy-coordination', 'BORDER, Korea–US coordination on North Korea diplomacy (talks, sanctions)'],
];

export const RELABEL_LOG = path.join(path.dirname(MIRROR_LABELS), 'mirror-relabel-log.tsv');

interface Reread {
  blind: string;
  id: string;
  old: string;
  disputed: boolean;
  verdict: string;
  /** The class of the old label (on-topic, or an OFF text's hard-negative class). */
  kind: string;
  label: string;
  explicit: boolean;
  clause: string;
}

const rowsOf = (file: string): string[][] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));

function rereads(dir: string): Reread[] {
  const out: Reread[] = [];
  for (const name of readdirSync(dir).filter((f) => /^relabel-\d+\.tsv$/.test(f))) {
    const key = new Map(rowsOf(path.join(dir, name.replace('relabel', 'key'))).map((r) => [r[0]!, r]));
    for (const [blind, label, explicit, clause] of rowsOf(path.join(dir, name))) {
      const k = key.get(blind!);
      if (!k || !['ON', 'OFF', 'BORDER'].includes(label!)) throw new Error(`${name}: bad line for ${blind}`);
      out.push({
        blind: blind!,
        id: k[1]!,
        old: k[2]!,
        kind: k[3]!,
        verdict: k[5]!,
        disputed: k[6] === '1',
        label: label!,
        explicit: explicit === 'yes',
        clause: clause ?? '',
      });
    }
  }
  return out;
}

const count = <T>(xs: readonly T[], key: (x: T) => string): string =>
  [...xs.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map<string, number>())]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join('; ') || '–';

function report(all: readonly Reread[]): string[] {
  const control = all.filter((r) => !r.disputed);
  const disputed = all.filter((r) => r.disputed);
  const k = cohenKappa(
    control.map((r) => r.old),
    control.map((r) => r.label),
  );
  const flipped = disputed.filter((r) => r.label !== r.old);
  // A disputed text's model verdict is the other label: a flip to ON or OFF sides with the model,
  // a flip to BORDER takes the text out of the scores.
  const toModel = flipped.filter((r) => r.label !== 'BORDER');
  const tag = (r: Reread): string => r.clause.split(':')[0]!.trim();
  const changed = (rs: readonly Reread[]): string => count(rs, (r) => `${r.old}→${r.label}`);
  return [
    `re-read blind: ${all.length} texts, ${disputed.length} disputed, ${control.length} agreed (control)`,
    `control: same label ${(k.observed * 100).toFixed(1)} %, chance ${(k.chance * 100).toFixed(1)} %, Cohen's κ ${k.kappa.toFixed(3)}; changes ${changed(
      control.filter((r) => r.label !== r.old),
    )}`,
    `disputed: ${flipped.length} of ${disputed.length} re-read differently, ${toModel.length} to the model's verdict and ${
      flipped.length - toModel.length
    } to BORDER: ${changed(flipped)}`,
    `disputed kept: ${count(
      disputed.filter((r) => r.label === r.old),
      (r) => `${r.old} (${tag(r)})`,
    )}`,
    `disputed flipped, by clause: ${count(flipped, (r) => `${r.old}→${r.label} (${tag(r)})`)}`,
    `disputed flipped, by the old label's class: ${count(flipped, (r) => `${r.old}→${r.label} (${r.kind})`)}`,
    `explicit (changed with --apply): disputed ${changed(flipped.filter((r) => r.explicit))}; control ${changed(
      control.filter((r) => r.label !== r.old && r.explicit),
    )}`,
  ];
}

function apply(all: readonly Reread[]): number {
  const change = new Map(all.filter((r) => r.label !== r.old && r.explicit).map((r) => [r.id, r]));
  const lines = readFileSync(MIRROR_LABELS, 'utf8').split('\n');
  const log: string[] = [];
  const edited = lines.map((l) => {
    const c = l.startsWith('#') ? undefined : l.split('\t');
    const r = c && change.get(`${c[0]}:${c[1]}:${c[3]}`);
    if (!c || !r) return l;
    if (c[4] !== r.old) throw new Error(`${r.id}: labelled ${c[4]} now, ${r.old} when sampled`);
    // The clause's tag only: the re-reader's notes describe the text, and no text enters the repository.
    const tag = r.clause.split(':')[0]!.trim();
    if (!CLAUSES.some(([t]) => t === tag)) throw new Error(`${r.id}: clause ${tag} is not a known clause of the guide`);
    log.push([c[0], c[1], c[3], r.old, r.label, r.disputed ? 'disputed' : 'control', tag].join('\t'));
    c[4] = r.label;
    return c.join('\t');
  });
  writeFileSync(MIRROR_LABELS, edited.join('\n'));
  if (!existsSync(RELABEL_LOG))
    writeFileSync(
      RELABEL_LOG,
      '# Labels changed by the blind re-read of issue 33 (docs/relevance.md, "Development sets"). Ids only.\n' +
        '# Columns: repository, path, first line, old label, new label, sample (disputed: the\n' +
        "# cross-validated model disagreed with the old label; control: it agreed), the guide's clause:\n" +
        CLAUSES.map(([t, c]) => `#   ${t}: ${c}\n`).join(''),
    );
  appendFileSync(RELABEL_LOG, log.map((l) => `${l}\n`).join(''));
  return log.length;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: relabel-compare.ts DIR [--apply]');
const all = rereads(dir);
process.stdout.write(`${report(all).join('\n')}\n`);
if (process.argv.includes('--apply')) process.stdout.write(`${apply(all)} labels changed in ${MIRROR_LABELS}\n`);
