// Real relevance material, read in place from the reference material (third-party text: never
// copied into the project). `null` when it is absent, so evals and tests can skip with one line.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RelevanceInput } from '../src/relevance/classify-relevance.js';
import { articleFromText } from '../src/match/explain-rule.js';
import { EVAL_DIR } from './own-eval-set.js';
import { referencePath } from './reference-material.js';

export const REAL_TEXTS = referencePath('relevance', 'real-texts.dev.jsonl');
/** Whole 2017 articles: line 1 the headline, line 2 the lead, line 3 the body. */
export const REAL_ARTICLES_2017 = referencePath('relevance', 'real-texts-2017.dev.jsonl');
export const RSS_ITEMS = referencePath('rss-items-2026.jsonl.gz');
export const HEADLINE_LABELS = path.join(EVAL_DIR, 'headlines-2026.tsv');

export type Label = 'ON' | 'OFF' | 'BORDER';

export interface RealItem {
  id: string;
  label: Label;
  /** The hard-negative class, from the labeller's one-line reason ("on-topic" for ON). */
  kind: string;
  input: RelevanceInput;
  why: string;
  /** The outlet as the labeller recorded it (a host name, or a name), when known. */
  outlet?: string;
}

// The labeller's reasons name what an OFF text is about; these classes are the ones the labelling
// guide lists as hard negatives. First match wins, so the specific pairs come before "korea-only".
const KINDS: [string, RegExp][] = [
  ['korea–japan', /Japan|Tokyo|GSOMIA|Dokdo/i],
  ['korea–china / nk–china', /China|Chinese|Beijing|Xi\b/i],
  ['korea–vietnam', /Vietnam/i],
  ['nk–russia', /Russia/i],
  ['us–korea trade', /trade|tariff|invest|\$\d|econom|GDP|export|plant|raid|currency|won\b|Samsung|Hyundai/i],
  ['celebrity military service', /star|singer|actor|idol|K-pop|BTS|enlist|military service/i],
  ['inter-korean / nk without the us', /inter-Korean|North Korea|Pyongyang|Kim Jong/i],
  ['us defence without korea', /\bUS\b|American|Pentagon|Washington|NATO|Taiwan|Philippines|Iran|Israel/i],
  ['korea-only', /Korea|Seoul|Yoon|Lee Jae|KF-21|Hyunmoo/i],
];

function kindOf(label: Label, why: string): string {
  if (label !== 'OFF') return label === 'ON' ? 'on-topic' : 'border';
  return KINDS.find(([, re]) => re.test(why))?.[0] ?? 'other';
}

/**
 * A real excerpt as the pipeline would see it: its first line is the headline when it reads like
 * one (short, no closing stop), as the labelling guide describes; otherwise the excerpt has none.
 */
export function excerptAsArticle(text: string): RelevanceInput {
  const lines = text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const first = lines[0] ?? '';
  const headline = first.length <= 160 && !/[.!?:]$/.test(first);
  return headline ? { title: first, lead: null, body: lines.slice(1) } : { title: '', lead: null, body: lines };
}

/** A whole article of the 2017 set: headline, lead, then the body's lines. */
export function wholeArticle(text: string): RelevanceInput {
  const [title = '', lead = '', ...body] = text.split('\n').map((s) => s.trim());
  return { title, lead: lead || null, body: body.filter(Boolean) };
}

export function loadRealTexts(file = REAL_TEXTS, asInput = excerptAsArticle): RealItem[] | null {
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { id: string; text: string; label: Label; why: string; outlet?: string };
      const outlet = r.outlet && r.outlet !== 'unknown' ? r.outlet : undefined;
      return { id: r.id, label: r.label, kind: kindOf(r.label, r.why), input: asInput(r.text), why: r.why, outlet };
    });
}

/** The 338 whole 2017 articles, or null when absent. */
export const loadRealArticles = (file = REAL_ARTICLES_2017): RealItem[] | null => loadRealTexts(file, wholeArticle);

/** Marks exported by `tinwatch relevance marks`: a person's on/off judgement of borderline stories. */
export function loadMarks(file: string): RealItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; label: 'on' | 'off'; text: string | null })
    .filter((m) => m.text !== null)
    .map((m) => ({
      id: m.id,
      label: m.label === 'on' ? 'ON' : 'OFF',
      kind: m.label === 'on' ? 'on-topic' : 'marked off',
      input: articleFromText(m.text!),
      why: '',
    }));
}

/** The RSS headlines that name Korea or the US, with this project's own hand labels. */
export function loadHeadlines(labels = HEADLINE_LABELS, items = RSS_ITEMS): RealItem[] | null {
  if (!existsSync(items)) return null;
  const titles = new Map<string, string>();
  for (const line of gunzipSync(readFileSync(items)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { link: string; title: string };
    if (!titles.has(r.link)) titles.set(r.link, r.title.normalize('NFC'));
  }
  const out: RealItem[] = [];
  for (const line of readFileSync(labels, 'utf8').split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('url\t')) continue;
    const [url, label] = line.split('\t') as [string, Label];
    const title = titles.get(url);
    if (title === undefined) throw new Error(`${labels}: ${url} is not in ${items}`);
    out.push({
      id: url,
      label,
      kind: label === 'ON' ? 'on-topic' : 'headline',
      input: { title, lead: null, body: [] },
      why: '',
    });
  }
  return out;
}
