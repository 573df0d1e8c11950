// A saved real page parsed into its own happy-dom window under its real URL, with nothing loaded or run (no CSS,
// scripts, iframes or navigation): the adapters see the page's DOM and location, and nothing reaches the network.
// The windows are kept so a test file can close them (closeInertPages in afterAll).
import { Window } from 'happy-dom';

const windows: Window[] = [];

export function parseInertPage(html: string, url: string): Document {
  const win = new Window({
    url,
    settings: {
      disableCSSFileLoading: true,
      disableJavaScriptFileLoading: true,
      disableJavaScriptEvaluation: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  windows.push(win);
  return new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export async function closeInertPages(): Promise<void> {
  for (const w of windows.splice(0)) await w.happyDOM.close();
}
