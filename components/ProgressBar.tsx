// A task's progress: a native <progress> (role progressbar, with aria-valuenow/max from value/max), and the
// same figures in words. Without a total it is indeterminate. data-* attributes let tests read the state.
import { t, uiLocale } from './i18n';
import { formatNumber } from '@/lib/format';

export interface ProgressState {
  /** What is being done: "Exporting snapshots". */
  label: string;
  /** Units done so far (rows, usually). */
  done: number;
  /** Units in all; undefined when not known in advance (indeterminate). */
  total?: number;
  /** What the units are: "snapshots". */
  unit: string;
  finished: boolean;
}

export function ProgressBar({ label, done, total, unit, finished }: ProgressState) {
  // <progress max> must be > 0; a total counted before rows were added may be passed: never show > 100 %.
  const max = total === undefined ? undefined : Math.max(total, done, 1);
  const value = finished ? (max ?? 1) : total === undefined ? undefined : done;
  const locale = uiLocale();
  const n = (v: number) => formatNumber(v, locale, 0);
  const words =
    total === undefined
      ? t('dashboard.progress.done', { done: n(done), unit })
      : t('dashboard.progress.doneOf', { done: n(done), total: n(Math.max(total, done)), unit });
  return (
    <div class="pm-progress" data-state={finished ? 'done' : 'running'} data-done={done} data-total={total ?? ''}>
      <label>
        <span class="pm-progress-label">{label}</span>
        <progress value={value} max={finished && max === undefined ? 1 : max} aria-valuetext={words} />
      </label>
      <span class="pm-progress-words" aria-hidden="true">
        {finished ? t('dashboard.progress.finished', { words }) : words}
      </span>
    </div>
  );
}
