// The content script for Reddit (new and old): entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { reddit } from '@/lib/sites/reddit';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('reddit'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, reddit),
});
