// The offline demo feed: made-up tweets rendered in X's DOM shape (article[data-testid=tweet], the
// status link holding a <time>, a [role=group] action bar with full-number aria labels, the /analytics
// link, compact visible numbers), modelled on test/fixtures/x/timeline.html and the real pages in
// ../shared/fixtures/real/x/. Nothing here is fetched: avatars are CSS, there are no images.
//
// Tweet ids are snowflakes made from "now minus the tweet's age", so the times shown, the ids and the
// extension's views-per-hour agree whenever the demo runs.

const TWITTER_EPOCH = 1288834974657n;

/** X's compact numbers, truncated like X does (1,299 → "1.2K", never "1.3K"). */
export function compact(n) {
  if (n < 1000) return String(n);
  const [div, suffix] = n < 1e6 ? [1e3, 'K'] : n < 1e9 ? [1e6, 'M'] : [1e9, 'B'];
  const scaled = n / div;
  if (scaled >= 10) return `${Math.floor(scaled)}${suffix}`;
  return `${Math.floor(scaled * 10) / 10}${suffix}`;
}

/**
 * The home timeline. Counts are plausible for accounts of each size; a few carry viewer state
 * (liked / reposted), one is promoted, one reposted into the feed, one quotes another, one is brand new.
 */
export const TWEETS = [
  { name: 'Ada Lovelace Labs', handle: 'adalabs', age: 95, text: 'We just shipped offline sync for the field app. Your edits now survive tunnels, basements and conference Wi-Fi. Changelog in the replies.', c: { replies: 48, reposts: 152, likes: 1204, bookmarks: 89, views: 38410 } },
  { name: 'Kenji Watanabe', handle: 'kenjiw', age: 35, text: 'Morning run along the river. 8 km, legs complaining, coffee deserved.', c: { replies: 2, reposts: 0, likes: 14, bookmarks: 1, views: 611 } },
  { name: 'Open Source Weekly', handle: 'osweekly', age: 22 * 60, socialContext: 'Priya Raman reposted', text: 'Thread: the 12 libraries that quietly hold up half the internet, and the people maintaining them on weekends.', c: { replies: 210, reposts: 1870, likes: 9412, bookmarks: 2033, views: 1284551 } },
  { name: 'Maya Chen', handle: 'mayachen_dev', age: 4 * 60, liked: true, text: 'Hot take: the best code review comment is a question, not an instruction.', c: { replies: 9, reposts: 3, likes: 77, bookmarks: 5, views: 4120 } },
  { name: 'Northwind Coffee', handle: 'northwindco', age: 3 * 24 * 60, promoted: true, text: 'Single-origin beans, roasted Tuesday, at your door Thursday. First bag is on us.', c: { replies: 3, reposts: 11, likes: 96, bookmarks: 4, views: 152300 } },
  { name: 'Tomás Herrera', handle: 'therrera', age: 6 * 60, text: 'This is the right call. Offline-first should be the default, not a feature.', quote: 0, c: { replies: 31, reposts: 12, likes: 402, bookmarks: 27, views: 22980 } },
  { name: 'Sam Okafor', handle: 'samokafor', age: 3, text: 'First post here. Hello!', c: { replies: 0, reposts: 0, likes: 0, bookmarks: 0, views: 4 } },
  { name: 'Gridline Data', handle: 'gridline', age: 14 * 60, text: 'Europe now gets more of its electricity from wind and solar than from fossil fuels, for the first full year. Chart below.', c: { replies: 1032, reposts: 12840, likes: 61377, bookmarks: 8902, views: 4706223 } },
  { name: 'Lena Fischer', handle: 'lenafischer', age: 50, reposted: true, text: 'Our little bakery turns five today. Thank you for every early-morning queue.', c: { replies: 1, reposts: 1, likes: 1, bookmarks: 0, views: 27 } },
  { name: 'Rust Weekly', handle: 'rustweekly', age: 9 * 60, text: 'Issue 412 is out: async closures land, a new borrow-checker explainer, and 38 crates worth a look.', c: { replies: 12, reposts: 96, likes: 733, bookmarks: 151, views: 52904 } },
  { name: 'Dr. Amara Nwosu', handle: 'amaranwosu', age: 2 * 60, text: 'Reminder that "statistically significant" and "large effect" are different claims. Ask for the effect size.', c: { replies: 57, reposts: 402, likes: 2988, bookmarks: 640, views: 118432 } },
  { name: 'Pixel & Pine', handle: 'pixelandpine', age: 26 * 60, liked: true, text: 'New pixel-art tileset: 240 forest tiles, free for personal projects.', c: { replies: 18, reposts: 233, likes: 1890, bookmarks: 412, views: 61220 } },
  { name: 'City Transit', handle: 'citytransit', age: 15, text: 'Line 4 is running with 10-minute delays between Central and Harbour due to a signal fault. Crews are on site.', c: { replies: 23, reposts: 41, likes: 12, bookmarks: 0, views: 9801 } },
  { name: 'Jonah Park', handle: 'jonahpark', age: 7 * 60, text: 'Finished my first marathon. 4:41. Already planning the next one, apparently.', c: { replies: 64, reposts: 5, likes: 1122, bookmarks: 3, views: 20455 } },
  { name: 'Fernanda Lima', handle: 'fernandalima', age: 3 * 24 * 60 + 200, text: 'A small rule for talks: one idea per slide, one slide per minute, one joke per talk.', c: { replies: 4, reposts: 19, likes: 210, bookmarks: 66, views: 14870 } },
];

/** Replies shown under a focused tweet (their own posts). */
export const REPLIES = [
  { name: 'Priya Raman', handle: 'priyaraman', age: 12, text: 'Congrats on the launch! Does it handle conflicts when two people edit offline?', c: { replies: 1, reposts: 0, likes: 6, bookmarks: 0, views: 212 } },
  { name: 'Ben Adeyemi', handle: 'benadeyemi', age: 8, text: 'Tried it on the train this morning. Worked perfectly.', c: { replies: 0, reposts: 0, likes: 3, bookmarks: 0, views: 98 } },
];

const COLOURS = ['#1d9bf0', '#f91880', '#00ba7c', '#7856ff', '#ff7a00', '#ffd400', '#536471'];

/** Snowflake ids, one per tweet, from "now minus age". */
export function withIds(tweets = TWEETS, now = Date.now(), seq = 1) {
  return tweets.map((t, i) => {
    const ms = BigInt(now - t.age * 60_000);
    const id = ((ms - TWITTER_EPOCH) << 22n) | BigInt(seq + i);
    return { ...t, id: id.toString(), at: Number(ms), colour: COLOURS[i % COLOURS.length] };
  });
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function relativeTime(at, now) {
  const minutes = Math.max(0, Math.round((now - at) / 60_000));
  if (minutes < 60) return [`${Math.max(1, minutes)}m`, `${Math.max(1, minutes)} minutes ago`];
  if (minutes < 24 * 60) return [`${Math.floor(minutes / 60)}h`, `${Math.floor(minutes / 60)} hours ago`];
  const d = new Date(at);
  const label = d.toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
  return [label, label];
}

const ICON = {
  reply: 'M2 6a4 4 0 0 1 4-4h12a4 4 0 0 1 4 4v7a4 4 0 0 1-4 4h-6l-5 4v-4H6a4 4 0 0 1-4-4V6z',
  retweet: 'M4 9l3-4 3 4H8v7h6l2 2H6V9H4zm16 6l-3 4-3-4h2V8h-6L8 6h10v9h2z',
  like: 'M12 21s-8-5.3-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10c0 5.7-8 11-8 11z',
  views: 'M4 21V11h2v10H4zm5 0V3h2v18H9zm5 0v-7h2v7h-2zm5 0V8h2v13h-2z',
  bookmark: 'M6 3h12v18l-6-4-6 4V3z',
  share: 'M12 3l5 5h-3v7h-4V8H7l5-5zM4 14h2v5h12v-5h2v7H4v-7z',
};
const svg = (d) => `<svg viewBox="0 0 24 24" aria-hidden="true"><g><path d="${d}"></path></g></svg>`;
const counter = (n) =>
  `<div class="n"><span data-testid="app-text-transition-container"><span><span>${n ? compact(n) : ''}</span></span></span></div>`;

/** X's full-number summary on the action bar: zero counts left out, singular forms, viewer-state tokens. */
function groupLabel(t) {
  const c = t.c;
  const part = (n, one, many) => (n ? [`${n} ${n === 1 ? one : many}`] : []);
  return [
    ...part(c.replies, 'reply', 'replies'),
    ...part(c.reposts, 'repost', 'reposts'),
    ...(t.reposted ? ['Reposted'] : []),
    ...part(c.likes, 'like', 'likes'),
    ...(t.liked ? ['Liked'] : []),
    ...part(c.bookmarks, 'bookmark', 'bookmarks'),
    ...part(c.views, 'view', 'views'),
  ].join(', ');
}

function actionBar(t, { focused }) {
  const c = t.c;
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  const views = c.views
    ? `<div class="act"><a href="/${t.handle}/status/${t.id}/analytics" aria-label="${c.views} views. View post analytics" role="link">${svg(ICON.views)}${counter(c.views)}</a></div>`
    : `<div class="act"><a href="/${t.handle}/status/${t.id}/analytics" aria-label="View post analytics" role="link">${svg(ICON.views)}${counter(0)}</a></div>`;
  // In the timeline X shows no bookmark count (the label is just "Bookmark"); on a focused tweet it does.
  const bookmark = focused
    ? `<button aria-label="${plural(c.bookmarks, 'Bookmark', 'Bookmarks')}. Bookmark" role="button" data-testid="bookmark" type="button">${svg(ICON.bookmark)}${counter(c.bookmarks)}</button>`
    : `<button aria-label="Bookmark" role="button" data-testid="bookmark" type="button">${svg(ICON.bookmark)}</button>`;
  return `<div aria-label="${groupLabel(t)}" role="group" class="bar">
  <div class="act"><button aria-label="${plural(c.replies, 'Reply', 'Replies')}. Reply" role="button" data-testid="reply" type="button">${svg(ICON.reply)}${counter(c.replies)}</button></div>
  <div class="act ${t.reposted ? 'on-g' : ''}"><button aria-label="${plural(c.reposts, 'repost', 'reposts')}. ${t.reposted ? 'Reposted' : 'Repost'}" role="button" data-testid="${t.reposted ? 'unretweet' : 'retweet'}" type="button">${svg(ICON.retweet)}${counter(c.reposts)}</button></div>
  <div class="act ${t.liked ? 'on-p' : ''}"><button aria-label="${plural(c.likes, 'Like', 'Likes')}. ${t.liked ? 'Liked' : 'Like'}" role="button" data-testid="${t.liked ? 'unlike' : 'like'}" type="button">${svg(ICON.like)}${counter(c.likes)}</button></div>
  ${focused ? '' : views}
  <div class="act">${bookmark}</div>
  <div class="act"><button aria-label="Share post" role="button" type="button">${svg(ICON.share)}</button></div>
</div>`;
}

function avatar(t) {
  return `<div data-testid="Tweet-User-Avatar"><div data-testid="UserAvatar-Container-${t.handle}"><a href="/${t.handle}" role="link" class="avatar" style="background:${t.colour}" aria-hidden="true">${esc(t.name[0])}</a></div></div>`;
}

function quoted(q, now) {
  const [short, long] = relativeTime(q.at, now);
  return `<div class="quote"><div dir="ltr" class="sr"><span>Quote</span></div><div tabindex="0" role="link">
  <div data-testid="User-Name" class="who"><div><div dir="ltr"><span><span>${esc(q.name)}</span></span></div></div>
  <div tabindex="-1"><div dir="ltr"><span>@${esc(q.handle)}</span></div></div><div dir="ltr" aria-hidden="true"><span>·</span></div>
  <div dir="ltr" aria-label="${long}"><time datetime="${new Date(q.at).toISOString()}">${short}</time></div></div>
  <div dir="auto" lang="en" data-testid="tweetText"><span>${esc(q.text)}</span></div></div></div>`;
}

/** One tweet. Timeline tweets have tabindex 0; the focused tweet -1, with its views beside the time. */
export function tweet(t, { now = Date.now(), focused = false, quote } = {}) {
  const [short, long] = relativeTime(t.at, now);
  const iso = new Date(t.at).toISOString();
  const timeLink = `<a href="/${t.handle}/status/${t.id}" dir="ltr" aria-label="${long}" role="link"><time datetime="${iso}">${short}</time></a>`;
  const context = t.socialContext
    ? `<div class="ctx"><span data-testid="socialContext">${esc(t.socialContext)}</span></div>`
    : '';
  const ad = t.promoted ? `<div class="ad"><span>Ad</span></div>` : '';
  const fullDate = new Date(t.at).toLocaleString('en-US', { hour: 'numeric', minute: '2-digit', month: 'short', day: 'numeric', year: 'numeric' });
  const focusedMeta = focused
    ? `<div class="meta"><div dir="ltr"><a href="/${t.handle}/status/${t.id}" aria-label="${esc(fullDate)}" role="link"><time datetime="${iso}">${esc(fullDate)}</time></a></div>
  <div dir="ltr" aria-hidden="true"><span>·</span></div>
  <div dir="ltr"><span><div class="inline"><span data-testid="app-text-transition-container"><span><span>${compact(t.c.views)}</span></span></span></div> <span><span>Views</span></span></span></div></div>`
    : '';
  const article = `<article aria-labelledby="pm-${t.id}" role="article" tabindex="${focused ? -1 : 0}" data-testid="tweet" class="${focused ? 'focused' : ''}">
${context}<div class="row">${avatar(t)}<div class="body">
<div data-testid="User-Name" class="who" id="pm-${t.id}">
  <div><a href="/${t.handle}" role="link"><div dir="ltr"><span><span>${esc(t.name)}</span></span></div></a></div>
  <div><a href="/${t.handle}" role="link" tabindex="-1"><div dir="ltr"><span>@${esc(t.handle)}</span></div></a></div>
  ${focused ? '' : `<div dir="ltr" aria-hidden="true"><span>·</span></div><div>${timeLink}</div>`}
  <div><button aria-expanded="false" aria-haspopup="menu" aria-label="More" role="button" data-testid="caret" type="button">···</button></div>
</div>
<div dir="auto" lang="en" data-testid="tweetText"><span>${esc(t.text)}</span></div>
${quote ? quoted(quote, now) : ''}
${ad}
${focusedMeta}
${actionBar(t, { focused })}
</div></div></article>`;
  const wrapped = `<div class="cell"><div>${article}</div></div>`;
  return t.promoted ? `<div data-testid="cellInnerDiv"><div data-testid="placementTracking">${wrapped}</div></div>` : `<div data-testid="cellInnerDiv">${wrapped}</div>`;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/20px -apple-system, "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; color: #0f1419; background: #fff; }
#react-root { display: flex; justify-content: center; }
header[role=banner] { width: 220px; padding: 12px; font-weight: 800; font-size: 26px; }
main[role=main] { width: 600px; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; min-height: 100vh; }
h1, h2 { margin: 0; padding: 14px 16px; font-size: 20px; position: sticky; top: 0; background: rgba(255,255,255,.92); border-bottom: 1px solid #eff3f4; z-index: 2; }
aside { width: 300px; padding: 16px; color: #536471; font-size: 13px; }
[data-testid=cellInnerDiv] { border-bottom: 1px solid #eff3f4; }
article { padding: 12px 16px 8px; }
article.focused { padding-bottom: 4px; }
.row { display: flex; gap: 12px; }
.avatar { display: flex; width: 40px; height: 40px; border-radius: 50%; color: #fff; font-weight: 700; align-items: center; justify-content: center; text-decoration: none; }
.body { flex: 1; min-width: 0; }
.who { display: flex; gap: 4px; align-items: baseline; color: #536471; }
.who > div:first-child { font-weight: 700; color: #0f1419; }
.who a { color: inherit; text-decoration: none; }
.who button { margin-left: auto; border: 0; background: none; color: #536471; }
.ctx, .ad { color: #536471; font-size: 13px; font-weight: 700; margin: 0 0 4px 52px; }
.ad { margin: 4px 0; font-weight: 400; }
[data-testid=tweetText] { margin: 2px 0 8px; white-space: pre-wrap; }
.focused [data-testid=tweetText] { font-size: 19px; line-height: 26px; }
.quote { border: 1px solid #cfd9de; border-radius: 14px; padding: 10px 12px; margin: 0 0 8px; }
.quote .who > div:first-child { font-weight: 700; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.meta { display: flex; gap: 4px; color: #536471; padding: 8px 0 12px; border-bottom: 1px solid #eff3f4; margin-bottom: 4px; }
.meta a { color: inherit; text-decoration: none; }
.meta .inline { display: inline; color: #0f1419; font-weight: 700; }
.bar { display: flex; justify-content: space-between; max-width: 430px; color: #536471; font-size: 13px; }
.act button, .act a { display: flex; align-items: center; gap: 4px; border: 0; background: none; color: inherit; font: inherit; padding: 4px 0; text-decoration: none; cursor: pointer; }
.act svg { width: 18px; height: 18px; fill: currentColor; }
.on-p { color: #f91880; } .on-g { color: #00ba7c; }
.note { margin: 10px 0 0; }
`;

function page(title, main, now) {
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><div id="react-root"><header role="banner">X</header>
<main role="main"><div data-testid="primaryColumn">${main}</div></main>
<aside><strong>Postmeter demo</strong><p class="note">An offline page in X's shape, served by the demo at https://x.com. Every name and number is made up. Generated ${esc(new Date(now).toUTCString())}.</p></aside>
</div></body></html>`;
}

/** https://x.com/home */
export function homePage(tweets, now = Date.now()) {
  const cells = tweets.map((t) => tweet(t, { now, quote: t.quote === undefined ? undefined : tweets[t.quote] }));
  return page('Home / X', `<h1 role="heading">Home</h1><section aria-labelledby="tl"><h2 id="tl" class="sr">Your Home Timeline</h2><div aria-label="Timeline: Your Home Timeline"><div>${cells.join('\n')}</div></div></section>`, now);
}

/** https://x.com/<handle>/status/<id>: the tweet a little later (counts have grown), and two replies. */
export function statusPage(tweets, id, now = Date.now()) {
  const t = tweets.find((x) => x.id === id);
  if (!t) return undefined;
  const grown = { ...t, c: Object.fromEntries(Object.entries(t.c).map(([k, v]) => [k, v + Math.ceil(v * (k === 'views' ? 0.08 : 0.04))])) };
  const replies = withIds(REPLIES, now, 100 + tweets.indexOf(t) * 4);
  const main = [
    `<h1 role="heading">Post</h1>`,
    tweet(grown, { now, focused: true, quote: t.quote === undefined ? undefined : tweets[t.quote] }),
    ...replies.map((r) => tweet(r, { now })),
  ].join('\n');
  return page(`${t.name} on X`, main, now);
}

// ── The demo user's own pages: their X profile (3 posts a week for 8 weeks, views falling by half from the
// fifth week while they post as often) and one LinkedIn post's analytics page (impressions and members reached:
// frequency 10.0×). Together they fill the popup's trend alert and the dashboard's account charts.

export const OWN_HANDLE = 'postmeter_demo';
const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the ISO week containing ms (as lib/trend.ts groups them). */
function isoWeekStart(ms) {
  const day = Math.floor(ms / DAY_MS);
  return (day - ((((day + 3) % 7) + 7) % 7)) * DAY_MS;
}

/** The demo user's tweets, newest first (as a profile lists them), for the 8 complete weeks before now's week. */
export function ownTweets(now = Date.now()) {
  const thisWeek = isoWeekStart(now);
  const tweets = [];
  for (let w = 0; w < 8; w++) {
    for (let p = 0; p < 3; p++) {
      const at = thisWeek - (8 - w) * 7 * DAY_MS + 2 * p * DAY_MS + 14 * 3_600_000 + p * 1_234_000;
      const views = (w < 4 ? 12_400 : 5_100) + ((w * 3 + p) * 397) % 1_500;
      tweets.push({
        name: 'Postmeter Demo',
        handle: OWN_HANDLE,
        age: Math.round((now - at) / 60_000),
        text: `Week ${w + 1} of building in public, note ${p + 1}: what I shipped, what broke, what I learned.`,
        c: { replies: 4 + p, reposts: 6 + w, likes: Math.round(views / 60), bookmarks: 3, views },
      });
    }
  }
  return tweets.reverse();
}

/** https://x.com/postmeter_demo */
export function profilePage(tweets, now = Date.now()) {
  const cells = tweets.map((t) => tweet(t, { now }));
  return page('Postmeter Demo (@postmeter_demo) / X', `<h1 role="heading">Postmeter Demo</h1><section aria-labelledby="tl"><h2 id="tl" class="sr">Postmeter Demo’s posts</h2><div aria-label="Timeline: Postmeter Demo’s posts"><div>${cells.join('\n')}</div></div></section>`, now);
}

export const LINKEDIN_ACTIVITY = '7400000000000000001';

/** https://www.linkedin.com/analytics/post-summary/urn:li:activity:<id>/ in LinkedIn's card shape (test/fixtures/linkedin/analytics-en.html). */
export function linkedinAnalyticsPage() {
  const item = (n, label) => `<li class="member-analytics-addon__cta-list-item"><div class="member-analytics-addon__cta-list-item-text"><strong>${n}</strong></div><span class="text-body-small">${label}</span></li>`;
  const card = (title, items) => `<section class="artdeco-card member-analytics-addon-card__base-card"><h2 class="member-analytics-addon-header__title">${title}</h2><ul class="list-style-none">${items.join('')}</ul></section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post analytics | LinkedIn</title>
<style>body{font:15px/1.4 -apple-system,"Segoe UI","Liberation Sans",sans-serif;margin:0;background:#f4f2ee;color:#191919}main{max-width:720px;margin:0 auto;padding:16px}
section{background:#fff;border-radius:8px;margin:12px 0;padding:12px 16px}h2{font-size:18px;margin:0 0 8px}ul{display:flex;gap:32px;padding:0;margin:0;list-style:none}strong{font-size:22px;display:block}</style></head>
<body><main class="scaffold-layout__main"><h1>Post analytics</h1><p>An offline page in LinkedIn's shape, served by the Postmeter demo. Every number is made up.</p>
${card('Discovery', [item('50,000', 'Impressions'), item('5,000', 'Members reached')])}
${card('Social engagement', [item('400', 'Reactions'), item('60', 'Comments'), item('40', 'Reposts')])}
${card('Link engagement', [item('1,500', 'Link clicks')])}
</main></body></html>`;
}
