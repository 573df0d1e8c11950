// parsecount_us: µs per parseCount call after warm-up, over the mix of texts a feed shows (issue 3, issue 9).
// Next to it, in the same run and on the same strings, the cheapest parse anyone would write,
// Number(s.replace(/,/g, '')), so the absolute figure has a reference measured on the same machine at the same time.
import { parseCount } from '../../lib/count';
import { describeTiming, figure, timeInterleaved, type BenchGroup } from './harness';

/** [displayed text, the page's locale (undefined: not known)]. Weighted towards what feeds show most. */
export const PARSECOUNT_INPUTS: readonly (readonly [string, string | undefined])[] = [
  // English compact, as X / YouTube / LinkedIn print counters
  ['2.3K', 'en'], ['15K', 'en'], ['1.2M', 'en'], ['412K', 'en'], ['3.4B', 'en'], ['999', 'en'], ['48', 'en'], ['0', 'en'],
  ['1.6M views', 'en'], ['5.7 thousand views', 'en'], ['2.3K', undefined], ['7', undefined],
  // full numbers (aria-labels, detail views)
  ['2,370', 'en'], ['12,345,678', 'en'], ['183003', 'en'], ['2,370', undefined], ['12,34,567', 'en-IN'],
  // Japanese
  ['1.2万', 'ja'], ['3.9万回視聴', 'ja'], ['107万', 'ja'], ['1億', 'ja'], ['8,831', 'ja'],
  // German
  ['1,2 Mio.', 'de'], ['2.370', 'de'], ['3\u00a0Tsd.', 'de'], ['4,5\u00a0Mrd.', 'de'], ['12.345', 'de'],
  // French, Spanish
  ['2\u202f370', 'fr'], ['1,2\u00a0k', 'fr'], ['12,3 mil', 'es'],
  // garbage: must be rejected, fast
  ['', 'en'], ['—', 'en'], ['1.2.3K', 'en'], ['-5', 'en'], ['Infinity', 'en'], ['Reply', 'en'], ['1e5', undefined],
  ['9'.repeat(40), 'en'],
];

const parseCountGroup: BenchGroup = async (ctx) => {
  const inputs = PARSECOUNT_INPUTS;
  const texts = inputs.map(([t]) => t);
  const n = inputs.length;

  // Reject mixes that would measure the wrong thing: every input is read (null is fine, a throw is not).
  let parsed = 0;
  for (const [t, l] of inputs) if (parseCount(t, l)) parsed++;
  ctx.log(`parseCount: ${parsed}/${n} inputs read as counts (the rest null)`);

  const [pc, baseline] = timeInterleaved(
    [
      {
        name: 'parseCount(text, locale)',
        run(ops) {
          let acc = 0;
          for (let i = 0; i < ops; i++) {
            const [t, l] = inputs[i % n]!;
            const c = parseCount(t, l);
            if (c) acc += c.max;
          }
          return acc;
        },
      },
      {
        name: "Number(text.replace(/,/g, ''))",
        run(ops) {
          let acc = 0;
          for (let i = 0; i < ops; i++) {
            const v = Number(texts[i % n]!.replace(/,/g, ''));
            if (v === v) acc += v;
          }
          return acc;
        },
      },
    ],
    ctx.quick
      ? { opsPerRound: n, rounds: 3, warmupMs: 0 }
      : { opsPerRound: 20 * n * 25, rounds: 41, warmupMs: 500 },
  );
  ctx.log(describeTiming(pc!));
  ctx.log(describeTiming(baseline!));

  return [
    figure('parsecount_us', pc!.usPerOp, 'us', { op: '<', limit: 2 }),
    figure('parsecount_baseline_us', baseline!.usPerOp, 'us'),
    figure('parsecount_vs_number_ratio', pc!.usPerOp / baseline!.usPerOp, 'x'),
  ];
};

export default parseCountGroup;
