// A WARC writer that appends captures until it is killed (the crash test's victim). Run with
// tsx: `node --import tsx warc-writer-child.ts OUT_DIR`; prints "ready" after its first capture.
import { WarcWriter } from '../../src/archive/warc-writer.js';

const out = process.argv[2]!;
const writer = new WarcWriter(out, { maxBytes: 1 << 30, idleCloseMs: 3_600_000 });
const payload = Buffer.from(
  `<html><body>${'<p>Đoạn văn của bài báo, viết đi viết lại.</p>'.repeat(2_000)}</body></html>`,
);
for (let i = 0; ; i++) {
  await writer.append({
    storyId: i.toString(16).padStart(16, '0'),
    sourceId: 'test',
    url: `https://bao.example.vn/bai-${i}.html`,
    fetchedAt: new Date().toISOString(),
    exchange: {
      request: { method: 'GET', url: `https://bao.example.vn/bai-${i}.html`, headers: [['user-agent', 'tinwatch']] },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: '1.1',
        headers: [['Content-Type', 'text/html; charset=utf-8']],
      },
      removedContentEncoding: null,
    },
    payload,
    text: `Bài ${i}`,
    textFile: `articles/${i}.txt`,
  });
  if (i === 0) process.stdout.write('ready\n');
}
