import { COUNT_NOISE_TAIL, DISCLOSURE_EXPLANATION, USUAL_COUNT_NOISE } from '@vi/domain';
import { useLocale, useT } from '@vi/ui';
import { csvFileName, downloadCsv, tableToCsv } from './csv-export.ts';
import { useDashboardPeriod } from './dashboard-context.tsx';
import { dashboardMessages } from './dashboard-messages.ts';
import {
  type CellMarks,
  columnKey,
  type DataTable,
  displayCell,
  formatNumber,
  hasPerturbedFigures,
  hiddenKinds,
  isHiddenCell,
} from './table-model.ts';

/** The help section on the disclosure method that every table's note links to. */
export const DISCLOSURE_HELP_ID = 'disclosure-help';

/** The marks a hidden or missing cell shows in the user's language (tables and charts alike). */
export function useCellMarks(): CellMarks {
  const t = useT(dashboardMessages);
  return {
    underFive: t('mark.underFive'),
    hidden: t('mark.hidden'),
    notAvailable: t('mark.notAvailable'),
  };
}

/**
 * A table of figures with its caption, the marks for hidden cells explained under it, a note that
 * the figures are perturbed and totals need not add up (when it has figures about people), and a button
 * that downloads exactly this table as CSV. Wide tables scroll inside a focusable region so keyboard
 * users can scroll them too.
 */
export function DataTableView({ table }: { table: DataTable }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const period = useDashboardPeriod();
  const marks = useCellMarks();
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
              {table.columns.map((column, index) => (
                <th scope="col" key={columnKey(table, index)}>
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
      {hidden.underFive ? <p className="ev-note">{t('explain.underFive')}</p> : null}
      {hidden.hidden ? <p className="ev-note">{t('explain.hidden')}</p> : null}
      {hidden.notAvailable ? <p className="ev-note">{t('explain.notAvailable')}</p> : null}
      {hasPerturbedFigures(table) ? (
        <p className="ev-note ev-note--perturbed">
          {t('explain.perturbed', {
            usual: USUAL_COUNT_NOISE,
            share: formatNumber(1 - 2 * COUNT_NOISE_TAIL.probability, 'percent', locale),
            totals: DISCLOSURE_EXPLANATION.paragraphs[2]?.[locale] ?? '',
          })}{' '}
          <a href={`#${DISCLOSURE_HELP_ID}`}>{t('explain.more')}</a>
        </p>
      ) : null}
      <button
        type="button"
        className="vi-button ev-csv-button"
        onClick={() =>
          downloadCsv(csvFileName(table, t('csv.filePrefix'), period, locale), tableToCsv(table, locale))
        }
      >
        {t('csv.download')}
        <span className="vi-visually-hidden"> ({table.title})</span>
      </button>
    </div>
  );
}
