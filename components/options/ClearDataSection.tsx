// Options: "Clear all data". Two steps on the page itself (no window.confirm): the first button opens an inline
// confirmation (role="alertdialog", focused), "Delete everything" runs the clear, "Cancel" closes it and gives
// focus back. Afterwards it says how much was deleted, and that preferences were kept.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '@/lib/format';
import type { ClearResult } from '@/lib/store/clear';
import { t, uiLocale } from '../i18n';

export interface ClearDataSectionProps {
  onClear(): Promise<ClearResult>;
  /** Turns an error into words for "Nothing was deleted: …". */
  describeError(error: unknown): string;
}

type Step =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'busy' }
  | { kind: 'done'; result: ClearResult }
  | { kind: 'failed'; message: string };

const count = (n: number) => formatNumber(n, uiLocale(), 0);

export function ClearDataSection({ onClear, describeError }: ClearDataSectionProps) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const dialog = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (step.kind === 'confirm') dialog.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      trigger.current?.focus();
    }
  }, [step.kind]);

  async function clear() {
    setStep({ kind: 'busy' });
    let next: Step;
    try {
      next = { kind: 'done', result: await onClear() };
    } catch (error) {
      next = { kind: 'failed', message: describeError(error) };
    }
    // The confirmation (and the focus in it) goes away: focus returns to the button that opened it.
    returnFocus.current = true;
    setStep(next);
  }

  const open = step.kind === 'confirm' || step.kind === 'busy';
  return (
    <section class="pm-card pm-options-section" aria-labelledby="pm-clear-title" data-section="clear">
      <h2 id="pm-clear-title">{t('options.clear.title')}</h2>
      <p class="pm-hint">{t('options.clear.hint')}</p>
      {open ? (
        <div
          ref={dialog}
          class="pm-confirm"
          role="alertdialog"
          aria-labelledby="pm-clear-confirm-title"
          aria-describedby="pm-clear-confirm-text"
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && step.kind === 'confirm') {
              returnFocus.current = true;
              setStep({ kind: 'idle' });
            }
          }}
        >
          <p id="pm-clear-confirm-title" class="pm-confirm-title">
            {t('options.clear.confirmTitle')}
          </p>
          <p id="pm-clear-confirm-text">{t('options.clear.confirmText')}</p>
          <p class="pm-confirm-actions">
            <button type="button" class="pm-danger" disabled={step.kind === 'busy'} onClick={() => void clear()}>
              {step.kind === 'busy' ? t('options.clear.busy') : t('options.clear.confirm')}
            </button>{' '}
            <button
              type="button"
              class="pm-secondary"
              disabled={step.kind === 'busy'}
              onClick={() => {
                returnFocus.current = true;
                setStep({ kind: 'idle' });
              }}
            >
              {t('options.clear.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <button type="button" class="pm-danger" ref={trigger} onClick={() => setStep({ kind: 'confirm' })}>
          {t('options.clear.button')}
        </button>
      )}
      <div role="status" aria-live="polite">
        {step.kind === 'done' ? (
          <p class="pm-status" data-cleared={`${step.result.posts},${step.result.snapshots},${step.result.accounts}`}>
            {t('options.clear.done', {
              posts: count(step.result.posts),
              snapshots: count(step.result.snapshots),
              accounts: count(step.result.accounts),
            })}
          </p>
        ) : null}
      </div>
      {step.kind === 'failed' ? (
        <p class="pm-error" role="alert">
          {t('options.clear.failed', { error: step.message })}
        </p>
      ) : null}
    </section>
  );
}
