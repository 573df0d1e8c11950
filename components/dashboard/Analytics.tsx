// The dashboard's analysis sections: the table of every post (filters, sort, virtualised rows), the selected
// post's history, the comparison of checked posts, and the per-account weeks. Posts are read once, a page at a
// time, into memory; every figure is computed once per post (lib/post-table.ts), and filtering and sorting
// work on those rows.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLocale } from '@/components/i18n';
import { formatNumber } from '@/lib/format';
import { dayBound, filterRows, nextSort, sitesIn, sortRows, tableRows, type PostColumn, type SortState } from '@/lib/post-table';
import { DEFAULT_PREFERENCES, type Preferences } from '@/lib/preferences';
import { SITES } from '@/lib/fields';
import type { AccountRow, PostRow, SnapshotRow } from '@/lib/store/schema';
import type { SiteId } from '@/lib/types';
import { AccountCharts } from './AccountCharts';
import { ComparePosts } from './ComparePosts';
import { PostDetail } from './PostDetail';
import { NO_FILTER, PostFilters, type FilterValues } from './PostFilters';
import { PostsTable } from './PostsTable';

export interface AnalyticsApi {
  /** Every stored post, a page at a time. */
  postPages(): AsyncIterable<PostRow[]>;
  /** One post's snapshots, oldest first. */
  snapshots(site: SiteId, postId: string): Promise<SnapshotRow[]>;
  accounts(): Promise<AccountRow[]>;
  preferences(): Promise<Preferences>;
  describeError(error: unknown): string;
}

/** Posts compared at once: more columns than this do not fit side by side. */
export const MAX_COMPARED = 6;

export interface AnalyticsProps {
  api: AnalyticsApi;
  /** The time relative figures are computed at; default: when the page opened. */
  now?: number;
  /** Changes when what is stored changed (an import): the posts are read again. */
  dataVersion?: number;
}

export function Analytics({ api, now: nowProp, dataVersion = 0 }: AnalyticsProps) {
  const locale = uiLocale();
  // One time for every relative figure on the page ("3 h ago", the current week), fixed when it opened.
  const [now] = useState(() => nowProp ?? Date.now());
  const [posts, setPosts] = useState<PostRow[]>();
  const [read, setRead] = useState(0);
  const [accounts, setAccounts] = useState<AccountRow[]>([]);
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES as Preferences);
  const [error, setError] = useState<string>();
  const [filter, setFilter] = useState<FilterValues>(NO_FILTER);
  const [sort, setSort] = useState<SortState>({ column: 'published', direction: 'descending' });
  const [selected, setSelected] = useState<string>();
  const [compared, setCompared] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    (async () => {
      const all: PostRow[] = [];
      for await (const page of api.postPages()) {
        if (!live) return;
        all.push(...page);
        setRead(all.length);
      }
      if (live) setPosts(all);
    })().catch((e: unknown) => live && setError(api.describeError(e)));
    api.preferences().then((p) => live && setPrefs(p), () => undefined);
    api.accounts().then((a) => live && setAccounts(a), (e: unknown) => live && setError(api.describeError(e)));
    return () => {
      live = false;
    };
  }, [api, dataVersion]);

  const rows = useMemo(() => tableRows(posts ?? [], { sets: prefs.engagement, basis: prefs.erBasis }), [posts, prefs]);
  const byKey = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const filtered = useMemo(
    () =>
      filterRows(rows, {
        from: dayBound(filter.from),
        to: dayBound(filter.to, true),
        site: filter.site || undefined,
        author: filter.author,
      }),
    [rows, filter],
  );
  const sorted = useMemo(() => sortRows(filtered, sort), [filtered, sort]);
  const sites = useMemo(() => sitesIn(rows, SITES), [rows]);
  const loadSnapshots = useCallback((site: SiteId, postId: string) => api.snapshots(site, postId), [api]);

  const onSort = (column: PostColumn) => setSort((s) => nextSort(s, column));
  const toggleCompare = (key: string) =>
    setCompared((c) => (c.includes(key) ? c.filter((k) => k !== key) : c.length >= MAX_COMPARED ? c : [...c, key]));
  const selectedRow = selected ? byKey.get(selected) : undefined;
  const comparedRows = compared.map((k) => byKey.get(k)).filter((r) => r !== undefined);
  const fmt = (n: number) => formatNumber(n, locale, 0);

  return (
    <>
      <section class="pm-card pm-posts-card" aria-labelledby="pm-posts-h">
        <h2 id="pm-posts-h">{t('dashboard.table.heading')}</h2>
        {error ? (
          <p class="pm-error" role="alert">
            {t('dashboard.table.failed', { reason: error })}
          </p>
        ) : null}
        <PostFilters values={filter} sites={sites} onChange={setFilter} />
        <p class="pm-hint" aria-live="polite" data-shown={posts ? sorted.length : ''} data-total={posts ? rows.length : ''}>
          {!posts
            ? t('dashboard.table.reading', { n: fmt(read) })
            : sorted.length === rows.length
              ? t('dashboard.table.count', rows.length, { n: fmt(rows.length) })
              : t('dashboard.table.countFiltered', rows.length, { n: fmt(rows.length), shown: fmt(sorted.length) })}
          {compared.length ? ` ${t('dashboard.table.comparing', compared.length, { n: fmt(compared.length), max: fmt(MAX_COMPARED) })}` : ''}
        </p>
        {posts ? (
          <PostsTable
            rows={sorted}
            sort={sort}
            onSort={onSort}
            selected={selected}
            onSelect={setSelected}
            compared={new Set(compared)}
            compareFull={compared.length >= MAX_COMPARED}
            onToggleCompare={toggleCompare}
            basis={prefs.erBasis}
            now={now}
          />
        ) : null}
        <p class="pm-hint">{t('dashboard.table.howTo')}</p>
      </section>
      {selectedRow ? <PostDetail row={selectedRow} loadSnapshots={loadSnapshots} now={now} /> : null}
      {comparedRows.length ? (
        <ComparePosts
          rows={comparedRows}
          loadSnapshots={loadSnapshots}
          onRemove={toggleCompare}
          onClear={() => setCompared([])}
          basis={prefs.erBasis}
          now={now}
        />
      ) : null}
      {posts ? <AccountCharts posts={posts} accounts={accounts} now={now} sets={prefs.engagement} /> : null}
    </>
  );
}
