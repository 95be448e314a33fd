// An alert on a follow-up of a story the rule already alerted on says so in every format; an
// alert without an earlier story says nothing of the kind.
import { describe, expect, it } from 'vitest';
import { renderAlert, type AlertItem } from '../../src/alert/alert-content.js';

const item: AlertItem = {
  rule: 'kidd',
  ruleDescription: null,
  story: {
    storyId: '00000000000000a2',
    title: 'KIDD: Mỹ cam kết thêm 3.200 binh sĩ',
    outlet: 'Outlet 1',
    url: 'https://outlet1.vn/a2',
    publishedAt: null,
    file: null,
  },
  match: { field: 'title', sentence: 'KIDD: Mỹ cam kết thêm 3.200 binh sĩ', ranges: [[0, 4]], phrases: ['KIDD'] },
  otherOutlets: [],
};
const earlier = { storyId: '00000000000000a1', title: 'Đối thoại KIDD lần thứ 16 <b>', url: 'https://outlet0.vn/a1' };

describe('an alert marked as an update', () => {
  it('names the earlier story in subject, text, Slack, HTML and JSON', () => {
    const r = renderAlert({ ...item, updateOf: earlier });
    expect(r.subject).toBe('tinwatch [kidd] update: KIDD: Mỹ cam kết thêm 3.200 binh sĩ');
    expect(r.text.split('\n').slice(0, 2)).toEqual([
      '[kidd] Update: KIDD: Mỹ cam kết thêm 3.200 binh sĩ',
      'Follow-up of: Đối thoại KIDD lần thứ 16 <b> (https://outlet0.vn/a1)',
    ]);
    expect(r.markdown).toContain('*Update:*');
    expect(r.markdown).toContain('Follow-up of: <https://outlet0.vn/a1|Đối thoại KIDD lần thứ 16 &lt;b&gt;>');
    expect(r.html).toContain('Follow-up of: <a href="https://outlet0.vn/a1">Đối thoại KIDD lần thứ 16 &lt;b&gt;</a>');
    expect(r.json.update_of).toEqual({ story_id: earlier.storyId, title: earlier.title, url: earlier.url });
  });

  it('says nothing of an update when there is no earlier story', () => {
    for (const r of [renderAlert(item), renderAlert({ ...item, updateOf: null })]) {
      expect(r.subject).toBe('tinwatch [kidd] KIDD: Mỹ cam kết thêm 3.200 binh sĩ');
      expect(`${r.text}${r.markdown}${r.html}`).not.toMatch(/update|follow-up/i);
      expect(r.json.update_of).toBeNull();
    }
  });
});
