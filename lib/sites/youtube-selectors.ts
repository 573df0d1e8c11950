// YouTube's selectors, one table (the adapter is ./youtube.ts). Rules: ../../../shared/DESIGN.md ("Rules that keep
// the numbers honest"), dom-anchors.md §3.

/*
 * Selectors, one table. "seen": when YouTube served it — en-2025 / ja-2026 are the real saved search pages in
 * ../shared/fixtures/real/youtube (read by test/sites/youtube.real.test.ts); other sources as cited in
 * dom-anchors.md §3 (CPFY = insin/control-panel-for-youtube page.js, RYD = Anarios/return-youtube-dislike,
 * maze-utils = ajayyy/maze-utils thumbnail-selectors). "fixture": the hand-made test/fixtures/youtube/*.html.
 *
 *  key            selector                                         seen                               fixture
 *  -- list items (each a post) --
 *  videoRenderer  ytd-video-renderer                               en-2025, ja-2026 (search)          search-2025, de-search, stripped
 *  compact        ytd-compact-video-renderer                       ≤2025 related (CPFY 2026-06 TODO)  watch
 *  grid           ytd-grid-video-renderer                          ≤2024 channel/trending (maze-utils) channel
 *  richGridMedia  ytd-rich-grid-media (in ytd-rich-item-renderer)  ≤2024 home (maze-utils 2026-05)    home-2024
 *  lockup         yt-lockup-view-model                             en-2025 (-wiz), ja-2026 (camel)    home-2026, subscriptions-dark, watch, de-watch,
 *                                                                                                     channel, de-search
 *  shortsLockup   ytm-shorts-lockup-view-model (inside -v2)        en-2025, ja-2026                   search-2025, home-2026, channel, stripped
 *  -- parts of list items --
 *  videoLink      a[href] to /watch?v= or /shorts/: every one in   en-2025, ja-2026                   all list fixtures; mismatch: unit test
 *                 the item must name the same video (chapters do)
 *  contentId      class token content-id-<id> on the lockup host   ja-2026 (collections)              home-2026, channel, de-search
 *  collection     yt-collection-thumbnail-view-model: a playlist,  en-2025 (Mix), ja-2026 (course,    home-2026, search-2025
 *                 mix or course, not a video: skipped              playlist)
 *  metadataItem   #metadata-line > span ("1.6M views", "5 years    en-2025, ja-2026; grid: HIDE_VIEWS  search-2025, de-search, home-2024,
 *                 ago"): the one with the language's views word    _CSS (dom-anchors §3.2)            watch (compact), channel (grid)
 *  lockupText     .ytContentMetadataViewModelMetadataText          ja-2026; CPFY hideLowViews         home-2026, watch, de-watch, channel
 *                 .yt-content-metadata-view-model-wiz__metadata-text  en-2025                         subscriptions-dark
 *                 .yt-content-metadata-view-model__metadata-text   2025 (dom-anchors §3.2)            de-search
 *                 (a text holding a link is a channel or playlist row, never a count)
 *  lockupMeta     yt-content-metadata-view-model (badge anchor)    en-2025, ja-2026                   lockup fixtures
 *  shortsLabel    h3[aria-label] "…, 5.7 thousand views - play     en-2025                            search-2025, home-2026
 *                 Short"
 *  shortsSubhead  .shortsLockupViewModelHostOutsideMetadataSubhead en-2025, ja-2026                   search-2025, home-2026, channel
 *  channelLink    first a[href] to /@handle (or /channel/… text);  en-2025, ja-2026                   list fixtures
 *                 on the watch page ytd-video-owner-renderer a[href]                                  watch, de-watch
 *  -- the watch page (./youtube-watch.ts) --
 *  watch          ytd-watch-metadata[video-id], = the page's v= and  ja-2026 (empty, hidden flexy)    watch, de-watch
 *                 ytd-watch-flexy[video-id], not in ytd-watch-flexy[hidden];
 *                 title #title h1; badge after #top-row
 *  infoText       ytd-watch-info-text[view-count-props] JSON       unattributed test (dom-anchors     watch
 *                 numberValue / numberText                         §3.3), HIDE_VIEWS_CSS 2025
 *  infoTooltip    ytd-watch-info-text tp-yt-paper-tooltip #tooltip  "268 x ditonton • 1 Mar 2022"     de-watch
 *                 "12.840.948 Aufrufe • …" (first part)            (unattributed, dom-anchors §3.3)
 *  infoLine       ytd-watch-info-text #info > span ("19K views")   HIDE_VIEWS_CSS 2025                watch, de-watch (read when the unit
 *                                                                                                     test removes props and tooltip)
 *  likeButton     like-button-view-model button[aria-label] "like  RYD buttons.newui.spec 2026-06    watch, de-watch, shorts
 *                 this video along with 250 other people"
 *  likeText       shown number in the button:                      RYD spec 2026-06; RYD selectors    watch, de-watch
 *                 .ytSpecButtonShapeNextButtonTextContent /        (…__button-text-content)
 *                 .yt-spec-button-shape-next__button-text-content
 *  likeLabelText  Shorts: beside the button in its <label>, a       userscripts' 'reel-action-bar-     shorts
 *                 div's span[role="text"] ("2K")                   view-model … label > div > span'
 *  -- the Shorts player --
 *  reel           ytd-reel-video-renderer[is-active] (the id: URL  RYD shortsDislike.spec, events.   shorts
 *                 /shorts/<id>); likes in its reel-action-bar-     shorts.spec 2026
 *                 view-model (badge anchor)
 *  -- YouTube Studio (./youtube-studio.ts) --
 *  studioCard     yta-key-metric-card                              public Studio scrapers, 2024-26    studio-reach
 *  studioBlock    yta-key-metric-block                             (code-corpus string hits, no repo  studio-reach
 *  studioLabel    #metric-label (English labels, ./youtube-studio)  names: a Studio-scraper's notes    studio-reach
 *  studioTotal    #metric-and-performance-container #metric-total  "yta-key-metric-block where        studio-reach
 *                                                                  #metric-label contains Impressions
 *                                                                  / click-through rate", its
 *                                                                  getMetricByLabel(); a selenium
 *                                                                  scraper's '#metric-and-performance-
 *                                                                  container #metric-total'; an
 *                                                                  overview script's 'div#container.
 *                                                                  layout.vertical…yta-key-metric-
 *                                                                  block'). Not seen on a saved page.
 */
export const SELECTORS = {
  // list items
  videoRenderer: 'ytd-video-renderer',
  compact: 'ytd-compact-video-renderer',
  grid: 'ytd-grid-video-renderer',
  richGridMedia: 'ytd-rich-grid-media',
  lockup: 'yt-lockup-view-model',
  shortsLockup: 'ytm-shorts-lockup-view-model',
  videoLink: 'a[href]',
  collection: 'yt-collection-thumbnail-view-model',
  metadataLine: '#metadata-line',
  metadataItem: '#metadata-line > span',
  lockupText:
    '.ytContentMetadataViewModelMetadataText, .yt-content-metadata-view-model-wiz__metadata-text, .yt-content-metadata-view-model__metadata-text',
  lockupMeta: 'yt-content-metadata-view-model',
  shortsLabel: 'h3[aria-label]',
  shortsSubhead: '.shortsLockupViewModelHostOutsideMetadataSubhead',
  titleLink: '#video-title-link, #video-title',
  // the watch page
  watch: 'ytd-watch-metadata',
  flexy: 'ytd-watch-flexy',
  infoText: 'ytd-watch-info-text',
  infoTooltip: 'tp-yt-paper-tooltip #tooltip',
  infoLine: '#info > span',
  likeButton: 'like-button-view-model button',
  likeText: '.ytSpecButtonShapeNextButtonTextContent, .yt-spec-button-shape-next__button-text-content',
  likeLabelText: 'span[role="text"]',
  watchTitle: '#title h1',
  owner: 'ytd-video-owner-renderer a[href]',
  topRow: '#top-row',
  // the Shorts player
  reel: 'ytd-reel-video-renderer',
  reelBar: 'reel-action-bar-view-model',
  // YouTube Studio
  studioCard: 'yta-key-metric-card',
  studioBlock: 'yta-key-metric-block',
  studioLabel: '#metric-label',
  studioTotal: '#metric-total',
} as const;

export const RENDERERS: readonly string[] = [SELECTORS.videoRenderer, SELECTORS.compact, SELECTORS.grid, SELECTORS.richGridMedia];

/** Every element that is one post: list items, the watch page's video, the active reel, Studio's metric cards. */
export const POST_SELECTOR = [
  ...RENDERERS,
  SELECTORS.lockup,
  SELECTORS.shortsLockup,
  SELECTORS.watch,
  `${SELECTORS.reel}[is-active]`,
  SELECTORS.studioCard,
].join(', ');

/** Elements under `post` that belong to it, not to another post nested inside it. */
export const own = (post: Element, selector: string): Element[] =>
  Array.from(post.querySelectorAll(selector)).filter((e) => e.parentElement?.closest(POST_SELECTOR) === post);
