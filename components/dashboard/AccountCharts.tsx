// The accounts section: a panel for each of the user's own accounts (marked, or recognised from analytics
// pages: lib/own-accounts.ts), and a picker for any other account whose posts are stored.
import { useMemo, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { EngagementSetOption } from '@/lib/metrics';
import { accountKey, ownAccountList } from '@/lib/own-accounts';
import type { AccountRow, PostRow } from '@/lib/store/schema';
import { AccountPanel } from './AccountPanel';
import { SITE_NAMES } from './post-cells';

export interface AccountChartsProps {
  posts: readonly PostRow[];
  accounts: readonly AccountRow[];
  now: number;
  sets?: EngagementSetOption;
}

/** Posts by "site:author", and the keys by how many posts each has (most first). */
function byAuthor(posts: readonly PostRow[]) {
  const map = new Map<string, PostRow[]>();
  for (const p of posts) {
    if (!p.author) continue;
    const key = accountKey(p.site, p.author);
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(p);
  }
  return map;
}

export function AccountCharts({ posts, accounts, now, sets }: AccountChartsProps) {
  const grouped = useMemo(() => byAuthor(posts), [posts]);
  const own = useMemo(() => ownAccountList(accounts, posts), [accounts, posts]);
  const ownKeys = new Set(own.map((a) => accountKey(a.site, a.handle)));
  const others = useMemo(
    () => [...grouped.entries()].filter(([k]) => !ownKeys.has(k)).sort((a, b) => b[1].length - a[1].length).slice(0, 500).map(([k, list]) => ({ key: k, post: list[0]! })),
    [grouped, own],
  );
  const [picked, setPicked] = useState('');
  const pickedPost = others.find((o) => o.key === picked)?.post;

  return (
    <section class="pm-card pm-accounts" aria-labelledby="pm-accounts-h">
      <h2 id="pm-accounts-h">{t('dashboard.account.heading')}</h2>
      <p class="pm-hint">{t('dashboard.account.intro')}</p>
      {own.length === 0 ? <p class="pm-hint">{t('dashboard.account.noneOwn')}</p> : null}
      {own.map((a) => {
        const key = accountKey(a.site, a.handle);
        return <AccountPanel key={key} site={a.site} handle={a.handle} posts={grouped.get(key) ?? []} now={now} sets={sets} own />;
      })}
      {others.length ? (
        <>
          <p>
            <label>
              {t('dashboard.account.pick')}{' '}
              <select value={picked} onChange={(ev) => setPicked(ev.currentTarget.value)}>
                <option value="">{t('dashboard.account.pickNone')}</option>
                {others.map((o) => (
                  <option key={o.key} value={o.key}>
                    {`${o.post.author} · ${SITE_NAMES[o.post.site] ?? o.post.site}`}
                  </option>
                ))}
              </select>
            </label>
          </p>
          {pickedPost ? (
            <AccountPanel site={pickedPost.site} handle={pickedPost.author!} posts={grouped.get(picked) ?? []} now={now} sets={sets} own={false} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
