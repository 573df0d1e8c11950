// The content script for Bluesky: entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bluesky } from '@/lib/sites/bluesky';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('bluesky'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, bluesky),
});
