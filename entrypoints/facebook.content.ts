// The content script for Facebook: entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { facebook } from '@/lib/sites/facebook';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('facebook'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, facebook),
});
