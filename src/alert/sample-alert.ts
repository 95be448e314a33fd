// The alert `tinwatch alerts send-test` sends: clearly a test, shaped like a real one.
import type { AlertItem } from './alert-content.js';

export const SAMPLE_ALERT: AlertItem = {
  rule: 'send-test',
  ruleDescription: 'test message from tinwatch alerts send-test',
  story: {
    storyId: '0000000000000000',
    title: '[TEST] Hàn Quốc, Mỹ họp Nhóm tham vấn hạt nhân',
    outlet: 'tinwatch',
    url: 'https://example.invalid/tinwatch-test',
    publishedAt: null,
    file: null,
  },
  match: {
    field: 'lead',
    sentence: 'Đây là tin nhắn thử: cam kết răn đe mở rộng được nhắc lại.',
    ranges: [[29, 43]],
    phrases: ['răn đe mở rộng'],
  },
  otherOutlets: [],
};
