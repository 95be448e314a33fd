// What the analysts watch. Every rule says where its alerts go; channels take their secrets and
// URLs from environment variables. `log` needs nothing and is always safe.
import { defineWatchlist } from './watchlist-schema.js';

export default defineWatchlist({
  channels: {
    // The log is local: no reason to hold alerts back.
    log: { type: 'log', ratePerMinute: 10_000 },
    webhook: {
      type: 'webhook',
      urlEnv: 'TINWATCH_WEBHOOK_URL',
      secretEnv: 'TINWATCH_WEBHOOK_SECRET',
      ratePerMinute: 60,
    },
    slack: { type: 'slack', urlEnv: 'TINWATCH_SLACK_WEBHOOK_URL' },
    telegram: { type: 'telegram', tokenEnv: 'TINWATCH_TELEGRAM_TOKEN', chatId: '@tinwatch_alerts', ratePerMinute: 20 },
    email: { type: 'email', smtpUrlEnv: 'TINWATCH_SMTP_URL', from: 'tinwatch@localhost', to: ['analysts@localhost'] },
  },
  rules: [
    {
      name: 'kidd',
      description: 'Korea–US Integrated Defense Dialogue',
      query: 'KIDD OR "Đối thoại quốc phòng tích hợp"',
      channels: ['log'],
    },
    {
      name: 'opcon',
      description: 'Wartime operational control transfer',
      query: 'OPCON OR "quyền chỉ huy tác chiến thời chiến"',
      channels: ['log'],
    },
    { name: 'extended-deterrence', query: '"răn đe mở rộng" OR "Nhóm tham vấn hạt nhân" OR NCG', channels: ['log'] },
    {
      name: 'joint-drills',
      description: 'Joint exercises involving South Korea',
      query: '"tập trận" AND ("Hàn Quốc" OR Hàn OR Seoul)',
      fields: ['title', 'lead'],
      channels: ['log'],
      digest: { everyMinutes: 60 },
    },
    { name: 'gsomia', query: 'GSOMIA', channels: ['log'] },
    {
      name: 'defense-secretary',
      description: 'US defence secretaries in Korea coverage',
      query: '"Lloyd Austin" NEAR/30 "Hàn Quốc" OR "Pete Hegseth" NEAR/30 "Hàn Quốc"',
      channels: ['log'],
    },
    {
      name: 'daily-overview',
      query: '"Hàn Quốc" AND (Mỹ OR "Hoa Kỳ") AND ("quốc phòng" OR "liên minh")',
      channels: ['log'],
      digest: { dailyAt: '07:30' },
    },
  ],
});
