// The content script for TikTok: entrypoints/shared/content-script.ts with this site's adapter alone.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { tiktok } from '@/lib/sites/tiktok';
import { siteMatches } from '@/lib/sites/hosts';
import { runContentScript } from './shared/content-script';

export default defineContentScript({
  matches: siteMatches('tiktok'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, tiktok),
});
