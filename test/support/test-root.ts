// One element per test file to render components into; unmounted and detached after each test, so every test
// starts from an empty document.
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export function testRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return root;
}
