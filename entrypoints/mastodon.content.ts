// Mastodon's content script: entrypoints/shared/content-script.ts with the Mastodon adapter alone. The manifest
// runs it on mastodon.social; the background registers this same file for each instance the user adds
// (entrypoints/background/instances.ts, CONTENT_SCRIPT), and the instance list in storage says which hosts those are.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mastodon, setMastodonInstances } from '@/lib/sites/mastodon';
import { siteMatches } from '@/lib/sites/hosts';
import { adapterMatches } from '@/lib/sites/match';
import { runContentScript } from './shared/content-script';
import { mastodonInstances } from './background/instances';

export default defineContentScript({
  matches: siteMatches('mastodon'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, mastodon, addedInstance),
});

/** Whether this page is on a Mastodon instance the user added (the adapter knows only mastodon.social until told). */
async function addedInstance(): Promise<boolean> {
  try {
    setMastodonInstances(await mastodonInstances.getValue());
  } catch {
    return false; // the extension is being reloaded: nothing to run
  }
  return adapterMatches(mastodon, location.href);
}
