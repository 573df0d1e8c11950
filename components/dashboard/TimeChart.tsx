// A line chart of one or more series over time (or hours since publish), drawn by uPlot on a canvas, with what
// a canvas cannot give: a legend in the page, a summary sentence and a data table for screen readers and
// keyboards. Without canvas or matchMedia (happy-dom, a locked-down page) only those are rendered.
// Colours come from CSS custom properties, read whenever uPlot draws, and the chart redraws when the colour
// scheme flips, so light and dark both stay readable. Zoom: uPlot's drag across the plot; double-click resets.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t, uiLocale } from '@/components/i18n';
import { formatDateTime, formatNumber } from '@/lib/format';

export interface ChartSeries {
  label: string;
  /** [x, y] with x in ms since epoch (x = 'time') or hours (x = 'hours'). */
  points: readonly (readonly [number, number])[];
}

export interface TimeChartProps {
  title: string;
  series: readonly ChartSeries[];
  x: 'time' | 'hours';
  /** A y value as shown in the table and the summary. */
  formatY: (y: number) => string;
  /** Render the data table (off where the caller shows its own table of the same numbers). */
  table?: boolean;
  height?: number;
  /** The x axis spans at least this much (x units), centred on the data: one week's point is not drawn over an hour. */
  minSpan?: number;
}

const PALETTE = 4;
const color = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim() || 'currentColor';

/** Canvas 2D and matchMedia (uPlot needs both); absent under happy-dom. */
export function canDrawCharts(): boolean {
  try {
    return typeof matchMedia === 'function' && !!document.createElement('canvas').getContext('2d');
  } catch {
    return false;
  }
}

/** The series on one x axis for uPlot: x values sorted and shared, null where a series has no point. */
export function alignSeries(series: readonly ChartSeries[]): [number[], ...(number | null)[][]] {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = series.map((s) => {
    const col: (number | null)[] = xs.map(() => null);
    for (const [x, y] of s.points) col[index.get(x)!] = y;
    return col;
  });
  return [xs, ...ys];
}

const DAY = 86_400_000;

/** A time axis tick in the user's language: the day, and the time of day when ticks are less than a day apart. */
function tickDate(ms: number, increment: number, locale: string | undefined): string {
  const options: Intl.DateTimeFormatOptions =
    increment < DAY ? { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(ms);
}

export function TimeChart({ title, series, x, formatY, table = true, height = 220, minSpan = 0 }: TimeChartProps) {
  const locale = uiLocale();
  const host = useRef<HTMLDivElement>(null);
  const draw = canDrawCharts();
  const data = alignSeries(series);
  const formatX = (v: number) => (x === 'time' ? formatDateTime(v, locale) : t('dashboard.chart.hours', { n: formatNumber(v, locale, 1) }));

  useEffect(() => {
    const el = host.current;
    if (!el || !draw || data[0].length === 0) return;
    const fg = () => color(el, '--fg');
    const grid = () => color(el, '--line');
    const axis = { stroke: fg, grid: { stroke: grid }, ticks: { stroke: grid } };
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height,
        ms: 1,
        legend: { show: false },
        cursor: { drag: { x: true, y: false } },
        scales: {
          x: {
            time: x === 'time',
            range: (_u, min, max) => {
              if (max - min >= minSpan) return [min, max];
              const mid = (min + max) / 2;
              return [mid - minSpan / 2, mid + minSpan / 2];
            },
          },
        },
        axes: [
          {
            ...axis,
            // Room for "Nov 26, 10:00 AM" between ticks, so labels never run into each other.
            space: x === 'time' ? 110 : 50,
            values: (_u, vals, _axis, _space, increment) =>
              vals.map((v) => (x === 'hours' ? formatNumber(v, locale, 1) : tickDate(v, increment, locale))),
          },
          { ...axis, size: 64, values: (_u, vals) => vals.map((v) => formatY(v)) },
        ],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            spanGaps: true,
            width: 2,
            stroke: () => color(el, `--chart-${(i % PALETTE) + 1}`),
            points: { show: true, size: 5 },
          })),
        ],
      },
      data as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
    resize.observe(el);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    const redraw = () => plot.redraw(false);
    scheme.addEventListener('change', redraw);
    return () => {
      scheme.removeEventListener('change', redraw);
      resize.disconnect();
      plot.destroy();
    };
    // Redrawn from scratch when the numbers change: the charts are small, and this keeps no stale state.
  }, [draw, JSON.stringify(data), x, height, minSpan, series.map((s) => s.label).join('\n')]);

  const summary = series.map((s) => {
    const ys = s.points.map((p) => p[1]);
    if (ys.length === 0) return t('dashboard.chart.noPoints', { series: s.label });
    return t('dashboard.chart.seriesSummary', {
      series: s.label,
      first: formatY(ys[0]!),
      last: formatY(ys[ys.length - 1]!),
      max: formatY(Math.max(...ys)),
      n: formatNumber(ys.length, locale, 0),
    });
  });

  return (
    <figure class="pm-chart" data-chart={draw ? 'canvas' : 'table'}>
      <figcaption class="pm-chart-title">{title}</figcaption>
      <ul class="pm-legend">
        {series.map((s, i) => (
          <li key={i}>
            <span class={`pm-swatch pm-swatch-${(i % PALETTE) + 1}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
      {draw && data[0].length > 0 ? (
        <>
          <div class="pm-chart-canvas" ref={host} aria-hidden="true" />
          <p class="pm-hint">{t('dashboard.chart.zoomHint')}</p>
        </>
      ) : null}
      <p class="pm-chart-summary">{data[0].length === 0 ? t('dashboard.chart.empty') : summary.join(' ')}</p>
      {table && data[0].length > 0 ? (
        <details class="pm-chart-data" open={!draw}>
          <summary>{t('dashboard.chart.dataTable')}</summary>
          <table class="pm-data-table">
            <caption class="pm-visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{x === 'time' ? t('dashboard.chart.time') : t('dashboard.chart.sincePublished')}</th>
                {series.map((s, i) => (
                  <th scope="col" key={i}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data[0].map((xv, row) => (
                <tr key={xv}>
                  <th scope="row">{formatX(xv)}</th>
                  {data.slice(1).map((col, i) => (
                    <td key={i}>{col[row] === null ? '—' : formatY(col[row] as number)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
