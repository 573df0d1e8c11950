// Options: "Mastodon instances". mastodon.social works out of the box; any other instance is added here, which
// asks the browser for that one host (and, the first time, the `scripting` permission to register the content
// script there). Presentational only: the options page wires `onAdd`/`onRemove` to the extension APIs.
import { useState } from 'preact/hooks';
import { t } from '../i18n';

export type InstanceNotice =
  | { kind: 'added'; host: string }
  | { kind: 'removed'; host: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'builtin'; host: string }
  | { kind: 'other-site'; host: string }
  | { kind: 'not-granted'; host: string }
  | { kind: 'failed'; host: string; message?: string };

export interface MastodonInstancesProps {
  /** Instances that need no adding (mastodon.social). */
  builtin: readonly string[];
  /** Instances the user added; undefined while loading. */
  instances?: readonly string[];
  notice?: InstanceNotice;
  busy?: boolean;
  /**
   * Called synchronously from the submit event: the browser only shows its permission prompt while it still
   * counts as the user's click, so the handler must ask for the permission before awaiting anything else.
   */
  onAdd(text: string): void;
  onRemove(host: string): void;
}

function noticeText(n: InstanceNotice): string {
  switch (n.kind) {
    case 'added':
      return t('options.mastodon.added', { host: n.host });
    case 'removed':
      return t('options.mastodon.removed', { host: n.host });
    case 'invalid':
      return t('options.mastodon.invalid', { text: n.text });
    case 'builtin':
      return t('options.mastodon.builtin', { host: n.host });
    case 'other-site':
      return t('options.mastodon.otherSite', { host: n.host });
    case 'not-granted':
      return t('options.mastodon.notGranted', { host: n.host });
    case 'failed':
      return n.message ? t('options.mastodon.failedWith', { host: n.host, message: n.message }) : t('options.mastodon.failed', { host: n.host });
  }
}

const isProblem = (n: InstanceNotice) => n.kind !== 'added' && n.kind !== 'removed';

export function MastodonInstances(p: MastodonInstancesProps) {
  const [text, setText] = useState('');
  return (
    <section class="pm-card pm-options-section" aria-labelledby="pm-mastodon-title" data-section="mastodon-instances">
      <h2 id="pm-mastodon-title">{t('options.mastodon.title')}</h2>
      <p class="pm-hint">{t('options.mastodon.hint', { hosts: p.builtin.join(', ') })}</p>
      <form
        class="pm-instance-form"
        onSubmit={(event) => {
          event.preventDefault();
          p.onAdd(text);
        }}
      >
        <label for="pm-instance-host">{t('options.mastodon.server')}</label>
        <input
          id="pm-instance-host"
          name="host"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="fosstodon.org"
          value={text}
          onInput={(event) => setText((event.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={p.busy}>
          {t('options.mastodon.add')}
        </button>
      </form>
      {p.notice ? (
        <p class={isProblem(p.notice) ? 'pm-error' : 'pm-status'} role={isProblem(p.notice) ? 'alert' : 'status'} data-notice={p.notice.kind}>
          {noticeText(p.notice)}
        </p>
      ) : null}
      {p.instances === undefined ? null : p.instances.length === 0 ? (
        <p class="pm-hint" data-instances="none">
          {t('options.mastodon.none')}
        </p>
      ) : (
        <ul class="pm-instance-list">
          {p.instances.map((host) => (
            <li key={host} data-instance={host}>
              <span class="pm-instance-host">{host}</span>
              <button type="button" class="pm-secondary" disabled={p.busy} onClick={() => p.onRemove(host)} aria-label={t('options.mastodon.removeLabel', { host })}>
                {t('options.mastodon.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
