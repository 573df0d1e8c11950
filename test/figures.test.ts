// What the badge and the popup say: each figure's text and the sentence naming what it divides.
import { describe, expect, it } from 'vitest';
import { badgeFigures, ctrFigure, frequencyFigure, postRowFigures, type FigureWords } from '@/lib/figures';
import { ENGLISH_FIGURE_WORDS } from '@/lib/figure-words';
import { figureWords } from '@/components/figure-words';
import type { PostRow } from '@/lib/store/schema';
import type { PostObservation } from '@/lib/types';

const ex = (n: number) => ({ value: n, min: n, max: n, exact: true });

describe('figures', () => {
  it('frequency names impressions and reach: 1,234 ÷ 987 = 1.25×', () => {
    const f = frequencyFigure('linkedin', { impressions: ex(1234), reach: ex(987) }, 'en');
    expect(f?.text).toBe('Freq 1.25×');
    expect(f?.title).toBe('Frequency: 1,234 impressions ÷ 987 reached = 1.25 per person');
  });

  it('frequency on YouTube divides views by unique viewers', () => {
    expect(frequencyFigure('youtube', { views: ex(4000), reach: ex(2000), impressions: ex(90000) }, 'en')?.text).toBe('Freq 2.00×');
  });

  it('no reach, no frequency; no clicks, no CTR', () => {
    expect(frequencyFigure('x', { impressions: ex(10) }, 'en')).toBeUndefined();
    expect(ctrFigure({ impressions: ex(10) }, 'en')).toBeUndefined();
  });

  it('CTR names clicks and impressions', () => {
    expect(ctrFigure({ impressions: ex(2000), clicks: ex(30) }, 'en')).toEqual({
      id: 'ctr',
      text: 'CTR 1.5%',
      title: 'Click-through rate: 30 clicks ÷ 2,000 impressions',
    });
  });

  it('a stored analytics post shows its rate, frequency and CTR', () => {
    const row = { site: 'linkedin', postId: 'urn:li:activity:1', url: 'https://www.linkedin.com/feed/update/urn:li:activity:1/', firstSeen: 1, lastSeen: 2, snapshots: 1, metrics: { impressions: ex(1234), reach: ex(987), likes: ex(12), clicks: ex(20) } } as PostRow;
    expect(postRowFigures(row, { locale: 'en' }).map((f) => f.id)).toEqual(['er', 'frequency', 'ctr']);
  });

  // Injectable words (the extension passes its translations; lib/ knows none of them).
  const HOUR = 3_600_000;
  const rich = {
    site: 'linkedin',
    postId: '1',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:1/',
    publishedAt: 0,
    metrics: { impressions: ex(50000), reach: ex(5000), likes: ex(400), replies: ex(60), reposts: ex(40), clicks: ex(1500), profileVisits: ex(3) },
  } as PostObservation;
  const prior = { firstSeen: 0, lastSeen: 0, metrics: { impressions: ex(40000) } };
  const posts: [string, PostObservation][] = [
    ['a rich analytics post', rich],
    ['nothing read', { ...rich, metrics: {} }],
    ['0 impressions', { ...rich, metrics: { impressions: ex(0), likes: ex(0) } }],
    ['no denominator', { ...rich, metrics: { likes: ex(3) } }],
  ];

  it.each(posts)('the locale files’ English words give the same figures as the built-in English: %s', (_, post) => {
    const opts = { locale: 'en' };
    expect(badgeFigures(post, prior, 5 * HOUR, { ...opts, words: figureWords() })).toEqual(badgeFigures(post, prior, 5 * HOUR, opts));
  });

  it('each figure is worded by the words passed, with the numbers formatted for the locale', () => {
    const words: FigureWords = {
      metric: (m) => `<${m}>`,
      erText: ({ rate }) => `TI ${rate}`,
      erTitle: (p) => `er|${p.basis}|${p.engagements}|${p.counted}|${p.denominator}`,
      noRateText: () => 'TI —',
      noCounters: () => 'nc',
      noRateZero: () => 'zero',
      noRateNoDenominator: () => 'nd',
      vphText: ({ rate }) => `${rate}/Std.`,
      vphTitle: (p) => `vph|${p.count}|${p.metric}|${p.hours}|${p.rate}`,
      growthTitle: (p) => `growth|${p.change}|${p.metric}|${p.ago}`,
      frequencyText: ({ times }) => `Freq. ${times}×`,
      frequencyTitle: (p) => `freq|${p.numerator}|${p.metric}|${p.reach}|${p.times}`,
      ctrText: ({ rate }) => `KR ${rate}`,
      ctrTitle: (p) => `ctr|${p.clicks}|${p.impressions}`,
    };
    const figures = badgeFigures(rich, prior, 5 * HOUR, { locale: 'de', words });
    expect(figures.map((f) => [f.id, f.text])).toEqual([
      ['er', 'TI 1%'],
      ['vph', '10.000/Std.'],
      ['growth', '+10.000'],
      ['frequency', 'Freq. 10,0×'],
      ['ctr', 'KR 3%'],
    ]);
    expect(figures.find((f) => f.id === 'er')!.title).toBe('er|<impressions>|500|<likes> + <replies> + <reposts>|50.000');
    expect(figures.find((f) => f.id === 'vph')!.title).toBe('vph|50.000|<impressions>|5|10.000');
    expect(figures.find((f) => f.id === 'growth')!.title).toMatch(/^growth\|\+10\.000\|<impressions>\|.+/);
    expect(figures.find((f) => f.id === 'frequency')!.title).toBe('freq|50.000|<impressions>|5.000|10,0');
    expect(figures.find((f) => f.id === 'ctr')!.title).toBe('ctr|1.500|50.000');
    expect(badgeFigures({ ...rich, metrics: {} }, null, 0, { words })).toEqual([{ id: 'er', text: 'TI —', title: 'nc' }]);
    expect(badgeFigures({ ...rich, metrics: { likes: ex(1) } }, null, 0, { words })[0]!.title).toBe('nd');
  });

  it('without words, English (ENGLISH_FIGURE_WORDS)', () => {
    expect(ctrFigure({ impressions: ex(2000), clicks: ex(30) }, 'en', ENGLISH_FIGURE_WORDS)).toEqual(ctrFigure({ impressions: ex(2000), clicks: ex(30) }, 'en'));
    expect(ENGLISH_FIGURE_WORDS.metric('profileVisits')).toBe('profile visits');
  });
});
