// The options page frame: a title and one card per setting group. Each group is its own component in
// components/options/ (Mastodon instances today; more settings join as sections here).
import type { ComponentChildren } from 'preact';

export function OptionsPage({ children }: { children: ComponentChildren }) {
  return (
    <main class="pm-options">
      <header class="pm-options-header">
        <h1>Postmeter options</h1>
      </header>
      {children}
    </main>
  );
}
