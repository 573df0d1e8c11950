// The content script for YouTube: entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { youtube } from '@/lib/sites/youtube';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('youtube'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, youtube),
});
