// Options: pause recording. Badges keep showing while paused; the background stores nothing. A full disk pauses
// recording by itself (entrypoints/background/recording.ts): then this says so and offers Resume.
import { formatDateTime } from '@/lib/format';
import { t, uiLocale } from '../i18n';

export interface RecordingSectionProps {
  /** The stored recording state; undefined while loading. */
  state?: { paused: boolean; quotaFullSince?: number };
  onPause(paused: boolean): void;
  /** Clears both the user's pause and the full-disk pause. */
  onResume(): void;
}

export function RecordingSection({ state, onPause, onResume }: RecordingSectionProps) {
  return (
    <section class="pm-card pm-options-section" aria-labelledby="pm-recording-title" data-section="recording">
      <h2 id="pm-recording-title">{t('options.recording.title')}</h2>
      <label class="pm-switch">
        <input
          type="checkbox"
          role="switch"
          name="pause-recording"
          checked={state?.paused ?? false}
          disabled={!state}
          onChange={(event) => onPause(event.currentTarget.checked)}
        />
        <span>{t('options.recording.pause')}</span>
      </label>
      <p class="pm-hint">{t('options.recording.hint')}</p>
      {state?.quotaFullSince ? (
        <div class="pm-error" role="alert" data-paused="quota">
          <p>{t('options.recording.quota', { date: formatDateTime(state.quotaFullSince, uiLocale()) })}</p>
          <button type="button" onClick={onResume}>
            {t('options.recording.resume')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
