import { useLocale, useT } from '@vi/ui';
import { csvFileName, downloadCsv, tableToCsv } from './csv-export.ts';
import { useDashboardPeriod } from './dashboard-context.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import { type DataTable, displayCell, hiddenKinds, isHiddenCell } from './table-model.ts';

/**
 * A table of figures with its caption, the marks for hidden cells explained under it, and a button
 * that downloads exactly this table as CSV. Wide tables scroll inside a focusable region so keyboard
 * users can scroll them too.
 */
export function DataTableView({ table }: { table: DataTable }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const period = useDashboardPeriod();
  const marks = {
    primary: t('mark.primary'),
    secondary: t('mark.secondary'),
    notAvailable: t('mark.notAvailable'),
  };
  const hidden = hiddenKinds(table);
  const captionId = `${table.id}-caption`;
  return (
    <div className="ev-table">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="ev-table__scroll" aria-labelledby={captionId} tabIndex={0}>
        <table id={table.id} data-testid="evaluation-table">
          <caption id={captionId}>{table.title}</caption>
          <thead>
            <tr>
              <th scope="col">{table.rowHeader}</th>
              {table.columns.map((column) => (
                <th scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              // Row labels can repeat (e.g. an organisation in two groupings); the index keeps keys unique.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position.
              <tr key={`${row.label}-${rowIndex}`}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, cellIndex) => (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional by column.
                    key={cellIndex}
                    className={
                      isHiddenCell(cell)
                        ? 'ev-cell--hidden'
                        : cell.kind === 'text'
                          ? 'ev-cell--text'
                          : undefined
                    }
                  >
                    {displayCell(cell, locale, marks)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {hidden.primary ? <p className="ev-note">{t('explain.primary')}</p> : null}
      {hidden.secondary ? <p className="ev-note">{t('explain.secondary')}</p> : null}
      <button
        type="button"
        className="vi-button ev-csv-button"
        onClick={() =>
          downloadCsv(csvFileName(table, t('csv.filePrefix'), period), tableToCsv(table, locale))
        }
      >
        {t('csv.download')}
        <span className="vi-visually-hidden"> ({table.title})</span>
      </button>
    </div>
  );
}
