// The content script for Threads: entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { threads } from '@/lib/sites/threads';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('threads'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, threads),
});
