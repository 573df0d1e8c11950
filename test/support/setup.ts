// Vitest setup: WXT's fake browser has no i18n; give it one that answers from locales/en.yml.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, loadMessages } from './i18n';

const getMessage = getMessageFrom(loadMessages('en'));
(fakeBrowser as unknown as { i18n: object }).i18n = {
  getMessage,
  getUILanguage: () => 'en',
};
