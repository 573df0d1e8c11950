// The content script for X: entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { x } from '@/lib/sites/x';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('x'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, x),
});
