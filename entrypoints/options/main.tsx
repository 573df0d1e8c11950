// Wiring only: the options page (options.html, opened in a tab). The Mastodon section asks the browser for an
// instance's host (and the optional `scripting` permission) on the user's click, then has the background register
// the content script there (entrypoints/background/instances.ts).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { MastodonInstances, type InstanceNotice } from '@/components/options/MastodonInstances';
import { BUILTIN_INSTANCES, instancePattern, parseInstance } from '@/lib/sites/mastodon-instances';
import { mastodonInstances, type InstanceReply, type InstanceRequest } from '../background/instances';
import './style.css';

async function ask(request: InstanceRequest): Promise<InstanceReply> {
  return (await browser.runtime.sendMessage(request)) as InstanceReply;
}

function App() {
  const [instances, setInstances] = useState<string[]>();
  const [notice, setNotice] = useState<InstanceNotice>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void mastodonInstances.getValue().then(setInstances);
    return mastodonInstances.watch((list) => setInstances(list ?? []));
  }, []);

  function onAdd(text: string) {
    const parsed = parseInstance(text);
    if (!parsed.ok) {
      if (parsed.reason === 'invalid') setNotice({ kind: 'invalid', text: text.trim() });
      else setNotice({ kind: parsed.reason, host: text.trim().toLowerCase() });
      return;
    }
    const { host } = parsed;
    setBusy(true);
    // First, while this still counts as the user's click: the browser's permission prompt.
    const request = browser.permissions.request({ origins: [instancePattern(host)], permissions: ['scripting'] });
    void (async () => {
      try {
        if (!(await request)) return setNotice({ kind: 'not-granted', host });
        const reply = await ask({ type: 'mastodon-instance', action: 'add', host });
        setInstances(reply.instances);
        if (reply.ok) setNotice({ kind: 'added', host });
        else if (reply.error === 'not-granted') setNotice({ kind: 'not-granted', host });
        else setNotice({ kind: 'failed', host, message: reply.message });
      } catch (error) {
        setNotice({ kind: 'failed', host, message: error instanceof Error ? error.message : String(error) });
      } finally {
        setBusy(false);
      }
    })();
  }

  async function onRemove(host: string) {
    setBusy(true);
    try {
      const reply = await ask({ type: 'mastodon-instance', action: 'remove', host });
      setInstances(reply.instances);
      setNotice(reply.ok ? { kind: 'removed', host } : { kind: 'failed', host, message: reply.message });
    } catch (error) {
      setNotice({ kind: 'failed', host, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <OptionsPage>
      <MastodonInstances
        builtin={BUILTIN_INSTANCES}
        instances={instances}
        notice={notice}
        busy={busy}
        onAdd={onAdd}
        onRemove={(host) => void onRemove(host)}
      />
    </OptionsPage>
  );
}

render(<App />, document.getElementById('app')!);
