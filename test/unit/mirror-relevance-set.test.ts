// The relevance texts labelled in public repositories (evaluation/mirror-relevance-set.ts): the
// label file holds ids and labels only, texts are read in place from a git mirror at the labelled
// commit, and a missing mirror leaves the set out with one line instead of failing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMirrorSet, readMirrorLabels, unsegment, vietnewsArticle } from '../../evaluation/mirror-relevance-set.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'tinwatch-mirror-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the label file', () => {
  const labels = readMirrorLabels();

  it('holds ids and labels, never text: six short columns a line, each text once', () => {
    expect(labels.length).toBeGreaterThan(700);
    for (const l of labels) {
      expect(l.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(l.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(l.path.length).toBeLessThan(120);
      expect(l.line).toBeGreaterThanOrEqual(1);
    }
    // Each text is labelled once; a story id may group several texts (copies of one story).
    expect(new Set(labels.map((l) => `${l.repo}:${l.path}:${l.line}`)).size).toBe(labels.length);
    const stories = new Set(labels.map((l) => l.story));
    expect(stories.size).toBeLessThan(labels.length);
    expect(stories.size).toBeGreaterThan(labels.length / 2);
    expect(labels.filter((l) => l.label === 'ON').length).toBeGreaterThan(300);
    expect(labels.filter((l) => l.label === 'OFF').length).toBeGreaterThan(300);
  });

  it('never names the hold-out corpora', () => {
    expect(labels.some((l) => /magizbox\/scraper|lupanh\/VietnameseMDS/i.test(l.repo))).toBe(false);
  });
});

describe('VietNews text back to plain text', () => {
  it('joins the syllables of a word and closes the spaces before punctuation', () => {
    expect(unsegment('Quân_đội Mỹ - Hàn_Quốc tập_trận , Triều_Tiên phản_đối ( KCNA ) .')).toBe(
      'Quân đội Mỹ - Hàn Quốc tập trận, Triều Tiên phản đối (KCNA).',
    );
    const a = vietnewsArticle('Tiêu_đề bài\n\nĐoạn dẫn .\n\nCâu một .\nCâu hai .');
    expect(a).toEqual({ title: 'Tiêu đề bài', lead: 'Đoạn dẫn.', body: ['Câu một.', 'Câu hai.'] });
  });

  it('leaves no joiner, no double space and no space before a comma or stop (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Hàn_Quốc', 'Mỹ', ',', '.', '(', ')', '_', '  ', 'a_b_c'), { maxLength: 30 }),
        (w) => {
          const out = unsegment(w.join(' '));
          expect(out).not.toMatch(/_|\s{2}| [,.]/);
          expect(out).toBe(out.trim());
        },
      ),
    );
  });
});

describe('reading labelled texts from a mirror', () => {
  const git = (gitDir: string, ...args: string[]): string =>
    execFileSync('git', ['--git-dir', gitDir, '--work-tree', path.join(tmp, 'work'), ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    }).toString();

  it('reads each text at its labelled commit, and leaves an absent mirror out with its name', () => {
    const gitDir = path.join(tmp, 'root', 'someone+corpus', 'repo');
    mkdirSync(path.join(tmp, 'work', 'data'), { recursive: true });
    execFileSync('git', ['init', '-q', '--bare', gitDir]);
    writeFileSync(
      path.join(tmp, 'work', 'data', '1.txt.seg'),
      'Mỹ và Hàn_Quốc tập_trận\n\nQuân_đội hai nước diễn_tập .\n\nCâu một .',
    );
    git(gitDir, 'add', 'data');
    git(gitDir, 'commit', '-qm', 'one');
    const commit = git(gitDir, 'rev-parse', 'HEAD').trim();
    writeFileSync(path.join(tmp, 'work', 'data', '1.txt.seg'), 'changed later');
    git(gitDir, 'commit', '-qam', 'two');
    const labels = path.join(tmp, 'labels.tsv');
    writeFileSync(
      labels,
      `# comment\nsomeone/corpus\tdata/1.txt.seg\t${commit}\t1\tON\ts-1\nother/absent\tdata/x\t${commit}\t1\tOFF\ts-2\n`,
    );
    const set = loadMirrorSet(labels, path.join(tmp, 'root'));
    expect(set.items).toHaveLength(1);
    expect(set.items[0]!.input.title).toBe('Mỹ và Hàn Quốc tập trận');
    expect(set.items[0]!.label).toBe('ON');
    expect(set.items[0]!.id).toBe('someone/corpus:data/1.txt.seg:1');
    expect(set.items[0]!.story).toBe('s-1');
    expect(set.absent).toHaveLength(1);
    expect(set.absent[0]).toMatch(/other\/absent/);
  });
});
