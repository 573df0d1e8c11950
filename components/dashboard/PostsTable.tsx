// Every stored post in one sortable table, virtualised: only the rows in (or near) the visible window are in
// the DOM, with spacer rows standing in for the rest, so 10,000 posts scroll as smoothly as 40. It stays a
// real <table>: aria-rowcount says how many rows there are in all and each row's aria-rowindex where it is.
// Sorting: a button in each column header (click, Enter or Space), with aria-sort on the <th>.
import { useRef } from 'preact/hooks';
import { t, uiLocale } from '@/components/i18n';
import { POST_COLUMNS, type PostColumn, type SortState, type TableRow } from '@/lib/post-table';
import type { ErBasisChoice } from '@/lib/preferences';
import { cellOf, columnHint, columnLabel } from './post-cells';
import { useVirtualRows } from './use-virtual-rows';

export const ROW_HEIGHT = 34;
export const HEAD_HEIGHT = 40;

export interface PostsTableProps {
  rows: readonly TableRow[];
  sort: SortState;
  onSort: (column: PostColumn) => void;
  selected?: string;
  onSelect: (key: string) => void;
  compared: ReadonlySet<string>;
  /** As many posts are ticked as can be compared: the other checkboxes are disabled. */
  compareFull: boolean;
  onToggleCompare: (key: string) => void;
  basis: ErBasisChoice;
  now: number;
}

const NUMERIC = new Set<PostColumn>(['impressions', 'views', 'reach', 'likes', 'replies', 'reposts', 'er', 'frequency', 'ctr', 'vph']);
import { safeUrl } from '@/lib/safe-url';

export function PostsTable({ rows, sort, onSort, selected, onSelect, compared, compareFull, onToggleCompare, basis, now }: PostsTableProps) {
  const locale = uiLocale();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows({ count: rows.length, scrollRef: scroller, rowHeight: ROW_HEIGHT, paddingStart: HEAD_HEIGHT, overscan: 8 });
  const columns = POST_COLUMNS.length + 1;

  return (
    <div class="pm-table-scroll" ref={scroller} tabIndex={0} role="region" aria-label={t('dashboard.table.region')}>
      <table class="pm-posts" aria-rowcount={rows.length + 1} aria-label={t('dashboard.table.label')}>
        <colgroup>
          <col class="pm-col-check" />
          {POST_COLUMNS.map((c) => (
            <col key={c} class={`pm-col-${c}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="pm-col-check">
              <span class="pm-visually-hidden">{t('dashboard.table.compareColumn')}</span>
            </th>
            {POST_COLUMNS.map((c) => {
              const active = sort.column === c;
              return (
                <th key={c} scope="col" aria-sort={active ? sort.direction : undefined} data-column={c} class={NUMERIC.has(c) ? 'pm-num' : undefined}>
                  <button type="button" class="pm-sort" title={columnHint(c, basis)} onClick={() => onSort(c)}>
                    {columnLabel(c)}
                    <span aria-hidden="true" class="pm-sort-mark">
                      {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {virtual.before > 0 ? (
            <tr class="pm-spacer" aria-hidden="true">
              <td colSpan={columns} style={{ height: `${virtual.before}px` }} />
            </tr>
          ) : null}
          {virtual.items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const isSelected = row.key === selected;
            const author = cellOf(row, 'author', locale, now);
            const published = cellOf(row, 'published', locale, now);
            const name = t('dashboard.table.rowName', { author: author.text, date: published.text });
            const url = safeUrl(row.post.url);
            return (
              <tr
                key={row.key}
                class={isSelected ? 'pm-row pm-selected' : 'pm-row'}
                data-postmeter-row={row.key}
                aria-rowindex={item.index + 2}
                onClick={(ev) => {
                  // A click on the checkbox or the link does only that.
                  if (!(ev.target as Element).closest('input, a, button')) onSelect(row.key);
                }}
              >
                <td class="pm-col-check">
                  <input
                    type="checkbox"
                    checked={compared.has(row.key)}
                    disabled={compareFull && !compared.has(row.key)}
                    aria-label={t('dashboard.table.compareRow', { post: name })}
                    onChange={() => onToggleCompare(row.key)}
                  />
                </td>
                {POST_COLUMNS.map((c) => {
                  const cell = c === 'author' ? author : c === 'published' ? published : cellOf(row, c, locale, now);
                  if (c === 'site') {
                    return (
                      <td key={c}>
                        {url ? (
                          <a href={url} target="_blank" rel="noreferrer noopener" title={t('dashboard.table.openPost')}>
                            {cell.text}
                          </a>
                        ) : (
                          cell.text
                        )}
                      </td>
                    );
                  }
                  if (c === 'author') {
                    return (
                      <td key={c}>
                        <button type="button" class="pm-row-select" aria-pressed={isSelected} title={cell.title} onClick={() => onSelect(row.key)}>
                          {cell.text}
                        </button>
                      </td>
                    );
                  }
                  return (
                    <td key={c} title={cell.title} class={NUMERIC.has(c) ? 'pm-num' : undefined} data-column={c}>
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {virtual.after > 0 ? (
            <tr class="pm-spacer" aria-hidden="true">
              <td colSpan={columns} style={{ height: `${virtual.after}px` }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
