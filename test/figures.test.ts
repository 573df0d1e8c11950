// What the badge and the popup say: each figure's text and the sentence naming what it divides.
import { describe, expect, it } from 'vitest';
import { ctrFigure, frequencyFigure, postRowFigures } from '@/lib/figures';
import type { PostRow } from '@/lib/store/schema';

const ex = (n: number) => ({ value: n, min: n, max: n, exact: true });

describe('figures', () => {
  it('frequency names impressions and reach: 1,234 ÷ 987 = 1.25×', () => {
    const f = frequencyFigure('linkedin', { impressions: ex(1234), reach: ex(987) }, 'en');
    expect(f?.text).toBe('Freq 1.25×');
    expect(f?.title).toBe('Frequency: 1,234 impressions ÷ 987 reached = 1.25 per person');
  });

  it('frequency on YouTube divides views by unique viewers', () => {
    expect(frequencyFigure('youtube', { views: ex(4000), reach: ex(2000), impressions: ex(90000) }, 'en')?.text).toBe('Freq 2×');
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
});
