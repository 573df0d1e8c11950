// Shared pieces of `npm run bench` (scripts/bench.mjs). Each test/bench/<group>.bench.ts exports a default
// `BenchGroup`: given a context, it measures and returns its figures. The runner bundles each group, runs it in
// its own Node process (no JIT or GC state shared between groups) and prints one JSON line per figure.
// test/bench/bench.test.ts runs every group with `quick: true` so a broken scenario fails `npm test`, not the bench.
// No Node-only APIs here (performance.now, not process.hrtime): groups that drive a browser reuse it.

export interface Budget {
  op: '<' | '<=' | '>' | '>=';
  limit: number;
}

/** One printed figure. `budget` reads like "<2" or ">=20"; null (and pass null) when the figure has none. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget: string | null;
  pass: boolean | null;
}

export interface BenchContext {
  /** The project root (absolute path). */
  root: string;
  /** Tiny inputs and few rounds: checks that the scenario runs, measures nothing meaningful. */
  quick: boolean;
  /** Human-readable progress: goes to stderr, never stdout. */
  log(message: string): void;
}

export type BenchGroup = (ctx: BenchContext) => Promise<Figure[]>;

const holds = (value: number, b: Budget): boolean =>
  b.op === '<' ? value < b.limit : b.op === '<=' ? value <= b.limit : b.op === '>' ? value > b.limit : value >= b.limit;

/** A figure, rounded to 4 significant digits, judged against its budget (if any). */
export function figure(name: string, value: number, unit: string, budget?: Budget): Figure {
  const rounded = Number.isFinite(value) ? Number(value.toPrecision(4)) : value;
  return {
    name,
    value: rounded,
    unit,
    budget: budget ? `${budget.op}${budget.limit}` : null,
    // Judged on the measured value, not the rounded one.
    pass: budget ? Number.isFinite(value) && holds(value, budget) : null,
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Something measured: `run(n)` does n operations and returns a value the engine cannot discard. */
export interface Contender {
  name: string;
  run(n: number): unknown;
}

export interface TimingOptions {
  /** Operations per timed round. */
  opsPerRound: number;
  /** Timed rounds per contender (interleaved: A, B, A, B, … so both see the same machine noise). */
  rounds: number;
  /** Untimed warm-up, in ms per contender (the JIT settles, memo tables fill). */
  warmupMs: number;
}

export interface Timing {
  name: string;
  /** Median µs per operation over the rounds. */
  usPerOp: number;
  /** Every round's µs per operation, in order. */
  rounds: number[];
}

let sink: unknown;
/** Keeps results alive so the engine cannot drop the work that produced them. */
export const keep = (v: unknown): void => {
  sink = v;
};
export const sunk = (): unknown => sink;

/** Time contenders in the same run, interleaved round by round, after a warm-up of each. */
export function timeInterleaved(contenders: readonly Contender[], opts: TimingOptions): Timing[] {
  for (const c of contenders) {
    const until = performance.now() + opts.warmupMs;
    do keep(c.run(Math.max(1, Math.min(opts.opsPerRound, 10_000))));
    while (performance.now() < until);
  }
  const rounds = contenders.map(() => [] as number[]);
  for (let r = 0; r < opts.rounds; r++) {
    contenders.forEach((c, i) => {
      const t0 = performance.now();
      keep(c.run(opts.opsPerRound));
      rounds[i]!.push(((performance.now() - t0) * 1000) / opts.opsPerRound);
    });
  }
  return contenders.map((c, i) => ({ name: c.name, usPerOp: median(rounds[i]!), rounds: rounds[i]! }));
}

/** "0.412 µs/op (p10–p90 0.401–0.430)" for the log. */
export function describeTiming(t: Timing): string {
  const s = [...t.rounds].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `${t.name}: ${t.usPerOp.toFixed(3)} µs/op (p10–p90 ${at(0.1).toFixed(3)}–${at(0.9).toFixed(3)}, ${s.length} rounds)`;
}
