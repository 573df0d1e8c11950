// The content script for Instagram: entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { instagram } from '@/lib/sites/instagram';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('instagram'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, instagram),
});
