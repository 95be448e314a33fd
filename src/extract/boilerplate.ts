// Paragraph-level boilerplate that survives element removal because outlets print it as plain
// text inside the article container. The list comes from the noise a naive scraper left in the
// user's example articles (ARCHITECTURE.md, the output format) and from the outlets' own markup
// (docs/outlets.md); outlet-specific lines live in each source's `extract.dropText`.

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

/**
 * A line that is only a dateline: an optional weekday, a date, an optional time and zone
 * ("Thứ hai, 24-08-2026, 10:15", "20/08/2026 08:00 GMT+7", "2019-11-20 17:27:46"). Pages print
 * it under the headline, where a widened body can catch it; it is never article text.
 */
const WEEKDAY = String.raw`(?:thứ (?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ nhật|t[2-7]|cn|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?`;
const DATE = String.raw`(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2} (?:tháng )?\d{1,2},? \d{4})`;
const TIME = String.raw`(?:\d{1,2}[:h]\d{2}(?::\d{2})?(?: ?(?:am|pm|sa|ch))?)`;
const ZONE = String.raw`(?:\(?(?:gmt|utc)(?: ?[+-] ?\d{1,2}(?::?\d{2})?)?\)?)`;
const DATELINE = new RegExp(
  String.raw`^(?:${WEEKDAY}[,\s]+)?(?:(?:ngày|lúc)\s+)?(?:${DATE}|${TIME})(?:[,\s|-]+(?:(?:ngày|lúc)\s+)?(?:${DATE}|${TIME}))?(?:[,\s]+${ZONE})?$`,
  'iu',
);

const HAS_DATE = new RegExp(DATE, 'iu');

export function isDateline(paragraph: string): boolean {
  return paragraph.length <= 60 && DATELINE.test(paragraph) && HAS_DATE.test(paragraph);
}

export function isBoilerplate(paragraph: string, extra: readonly RegExp[]): boolean {
  return (
    isDateline(paragraph) ||
    COMMON_BOILERPLATE.some((re) => re.test(paragraph)) ||
    extra.some((re) => re.test(paragraph))
  );
}
