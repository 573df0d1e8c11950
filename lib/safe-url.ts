// The one check before a stored post URL becomes a link's href. Every write path already refuses anything but
// http(s) (lib/fields.ts urlProblem), so this is the last line: a javascript: or data: URL that got into the
// database some other way (an old version, a hand-edited profile) is shown as text, never made clickable.
export const safeUrl = (url: string | undefined): string | undefined =>
  url !== undefined && /^https?:\/\//i.test(url) ? url : undefined;
