import { defineSource, NOT_CHECKED } from '../source-schema.js';

// KBS World Radio, Vietnamese service (world.kbs.co.kr, lang=v). Selectors from the real English
// page in reference/outlets.md §3.8 [html]; the Vietnamese pages share the template. The body is
// text separated by <br />, dates are KST (+09:00), and there is no JSON-LD.
export default defineSource({
  id: 'kbs-vietnamese',
  name: 'KBS World tiếng Việt',
  homepage: 'https://world.kbs.co.kr/service/index.htm?lang=v',
  hosts: ['world.kbs.co.kr'],
  timezone: '+09:00',
  schedule: { cron: '*/30 * * * *', jitterSeconds: 180 },
  discovery: {
    feeds: ['https://world.kbs.co.kr/rss/rss_news.htm?lang=v'],
    listings: [
      {
        url: 'https://world.kbs.co.kr/service/news_list.htm?lang=v&id=IK',
        linkSelector: '.comp_contents_1x article h2 a[href]',
        maxPages: 1,
      },
    ],
  },
  articleUrlPattern: '^https://world\\.kbs\\.co\\.kr/service/news_view\\.htm\\?(?:.*&)?Seq_Code=\\d+',
  // Changing `lang` gives a different article, so lang and Seq_Code both identify it.
  canonical: { keepParams: ['lang', 'Seq_Code'] },
  extract: {
    title: ['section.comp_view_default .title_area h1', '.title_area h1'],
    lead: [],
    body: ['section.comp_view_default div.body_txt', 'div.body_txt'],
    date: ['.title_area p.date'],
    author: [],
    section: ['.title_area p.cate'],
    credit: [],
    drop: ['div.img_box', '.func_menu', 'h2.view_tit', 'section.comp_contents_3x'],
    dropText: ['^Photo\\s*:'],
  },
  provenance: 'reference/outlets.md §3.8 (real English page [html], RSSHub route); fixtures modeled 2026-11-22',
  // No page as the outlet served it could be found to check these selectors against.
  selectorsCheckedOn: NOT_CHECKED,
});
