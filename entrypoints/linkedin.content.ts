// The content script for LinkedIn: entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { linkedin } from '@/lib/sites/linkedin';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('linkedin'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, linkedin),
});
