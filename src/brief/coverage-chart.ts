// The coverage chart as inline SVG, no scripts: one row per outlet (small multiples, one scale
// for all), a bar per day over the chart's 14 days, the briefing's day shaded, and an "all
// outlets" row on top. Each bar carries a <title> (the browser shows it on hover, no script) and
// data-* attributes a test or a scraper can read.
import { escapeHtml as e } from '../alert/alert-content.js';
import type { Coverage } from './brief-model.js';

const LABEL_W = 190;
const BAR_W = 22;
const ROW_H = 26;
const TOTAL_W = 50;
const HEAD_H = 30;
/** Rows drawn; the rest of the outlets are summed into one "other outlets" row. */
export const CHART_MAX_OUTLETS = 24;

export function coverageChartSvg(c: Coverage): string {
  const rows = chartRows(c);
  const width = LABEL_W + BAR_W * c.days.length + TOTAL_W;
  const height = HEAD_H + ROW_H * rows.length + 4;
  const max = Math.max(1, ...rows.filter((r) => !r.all).flatMap((r) => r.counts));
  const today = c.days.length - 1;
  const parts: string[] = [
    `<rect class="today" x="${LABEL_W + BAR_W * today}" y="0" width="${BAR_W}" height="${height}" fill="#fff4cc"/>`,
    ...c.days.map((d, i) => dayLabel(d, i === 0 || d.endsWith('-01'), LABEL_W + BAR_W * i + BAR_W / 2)),
  ];
  rows.forEach((r, k) => {
    const y = HEAD_H + ROW_H * k;
    parts.push(
      `<g class="outlet-row${r.all ? ' all' : ''}" data-outlet="${e(r.label)}" data-total="${r.total}">`,
      `<text x="${LABEL_W - 8}" y="${y + ROW_H / 2 + 4}" text-anchor="end" font-size="12"${r.all ? ' font-weight="bold"' : ''}>${e(clip(r.label))}</text>`,
      `<line x1="${LABEL_W}" x2="${LABEL_W + BAR_W * c.days.length}" y1="${y + ROW_H - 2}" y2="${y + ROW_H - 2}" stroke="#ccc"/>`,
      ...r.counts.map((n, i) => bar(r, n, i, y, r.all ? Math.max(1, ...r.counts) : max, c.days[i]!)),
      `<text class="total" x="${LABEL_W + BAR_W * c.days.length + 8}" y="${y + ROW_H / 2 + 4}" font-size="12">${r.total}</text>`,
      '</g>',
    );
  });
  const label = `Matching coverage per outlet per day, ${c.days[0]} to ${c.days.at(-1)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" id="coverage-chart" role="img" aria-label="${e(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif"><title>${e(label)}</title>${parts.join('')}</svg>`;
}

interface Row {
  label: string;
  counts: number[];
  total: number;
  all: boolean;
}

function chartRows(c: Coverage): Row[] {
  const all = c.days.map((_, i) => c.outlets.reduce((a, o) => a + o.counts[i]!, 0));
  const shown = c.outlets
    .slice(0, CHART_MAX_OUTLETS)
    .map((o) => ({ label: o.outlet, counts: o.counts, total: o.total, all: false }));
  const rest = c.outlets.slice(CHART_MAX_OUTLETS);
  if (rest.length) {
    const counts = c.days.map((_, i) => rest.reduce((a, o) => a + o.counts[i]!, 0));
    shown.push({ label: `${rest.length} other outlets`, counts, total: counts.reduce((a, b) => a + b, 0), all: false });
  }
  return [{ label: 'all outlets', counts: all, total: all.reduce((a, b) => a + b, 0), all: true }, ...shown];
}

/** One day's bar; the "all outlets" row has its own scale (it would flatten every other row). */
function bar(r: Row, n: number, i: number, y: number, max: number, day: string): string {
  const h = n === 0 ? 0 : Math.max(2, Math.round(((ROW_H - 6) * n) / max));
  const x = LABEL_W + BAR_W * i + 3;
  return `<rect class="bar" data-day="${day}" data-count="${n}" x="${x}" y="${y + ROW_H - 2 - h}" width="${BAR_W - 6}" height="${h}" fill="${r.all ? '#555' : '#2a6fb0'}"><title>${e(r.label)}, ${day}: ${n} page${n === 1 ? '' : 's'}</title></rect>`;
}

/** The day of the month under each bar; the month above the first bar and where a month begins. */
function dayLabel(day: string, withMonth: boolean, x: number): string {
  const month = withMonth
    ? `<text class="month" x="${x}" y="11" text-anchor="middle" font-size="10" fill="#555">${MONTHS[Number(day.slice(5, 7)) - 1]}</text>`
    : '';
  return `${month}<text class="day" data-day="${day}" x="${x}" y="25" text-anchor="middle" font-size="11">${Number(day.slice(8))}</text>`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const clip = (s: string): string => (s.length > 28 ? `${s.slice(0, 27)}…` : s);
