// Paragraph-level boilerplate that survives element removal because outlets print it as plain
// text inside the article container. The list comes from the seeds (DESIGN.md §2) and
// reference/outlets.md; outlet-specific lines live in each source's `extract.dropText`.

export const COMMON_BOILERPLATE: readonly RegExp[] = [
  /^chia sẻ:?$/iu,
  /^chú thích ảnh$/iu,
  /^doanh nghiệp - sản phẩm - dịch vụ thông cáo báo chí rao vặt$/iu,
  /^các đơn vị thông tin của ttxvn$/iu,
  /^theo dõi .{2,40} trên(?: google news| zalo| facebook)?$/iu,
  /^(?:tin|bài) (?:liên quan|cùng chuyên mục|mới nhất|đọc nhiều)$/iu,
  /^xem thêm:?$/iu,
  /^(?:ảnh|video|nguồn ảnh|photo)\s*:\s*\S.{0,60}$/iu,
  /^trình phát video is loading\b/iu,
  /^(?:bình luận|gửi bình luận|ý kiến bạn đọc)(?: \(\d+\))?$/iu,
  /^(?:tags?|từ khóa|từ khoá):/iu,
];

export function isBoilerplate(paragraph: string, extra: readonly RegExp[]): boolean {
  return COMMON_BOILERPLATE.some((re) => re.test(paragraph)) || extra.some((re) => re.test(paragraph));
}
