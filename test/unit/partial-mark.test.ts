// The dashboard says "partial" on the story and article pages of an article written without its
// body (manifest extraction.partial), and nothing on a whole one.
import { describe, expect, it } from 'vitest';
import { articlePage } from '../../app/dashboard/dashboard-pages.js';
import type { ManifestArticle } from '../../app/dashboard/latest-articles.js';
import { storyPage } from '../../app/dashboard/story-page.js';

const entry = (extraction: object): ManifestArticle =>
  ({
    schema_version: 2,
    type: 'article',
    id: '0123456789abcdef',
    url: 'https://tienphong.vn/a-post1.tpo',
    outlet: 'Tiền Phong',
    source_id: 'tienphong',
    title: 'Tiêu đề',
    file: 'articles/001_0123456789abcdef.txt',
    published_at: null,
    fetched_at: '2026-08-20T08:06:00.000Z',
    matched_rules: [],
    duplicate_of: null,
    extraction,
  }) as ManifestArticle;

describe('partial articles on the dashboard', () => {
  it('marks the story and article pages of a partial article', () => {
    const partial = entry({ fallbacks: ['body'], partial: true });
    expect(storyPage(partial, [])).toContain('class="partial"');
    expect(articlePage(partial.file, 'Tiêu đề', partial)).toContain('>partial</span>');
  });

  it('marks nothing on a whole article', () => {
    const whole = entry({ fallbacks: [] });
    expect(storyPage(whole, [])).not.toContain('partial');
    expect(articlePage(whole.file, 'Tiêu đề', whole)).not.toContain('partial');
  });
});
