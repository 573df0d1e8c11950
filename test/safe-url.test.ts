import { describe, expect, it } from 'vitest';
import { safeUrl } from '@/lib/safe-url';

describe('safeUrl', () => {
  it.each([
    ['https://x.com/a/status/1', 'https://x.com/a/status/1'],
    ['HTTP://example.com/', 'HTTP://example.com/'],
    ['javascript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>1</script>', undefined],
    ['//evil.example/', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (url, expected) => expect(safeUrl(url)).toBe(expected));
});
