import {
  cellTextProblems,
  danishCalendarDate,
  decodeTextFile,
  type FieldError,
  fieldError,
  INCIDENT_COLUMN_LABELS,
  INCIDENT_FIELDS,
  type IncidentRowInput,
  incidentTemplateCsv,
  incidentTemplateFileName,
  type RowCheck,
  rejectedRowsCsv,
  rejectedRowsFileName,
} from '@vi/domain';
import { describeRequestProblem, useLocale, useLocalized, useProblemText, useT } from '@vi/ui';
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql, type ResultOf, readFragment } from '../graphql.ts';
import { CrimeCodeTable } from './crime-code-table.tsx';
import { importMessages } from './import-messages.ts';
import { downloadText, readIncidentCsv } from './incident-csv-reader.ts';
import { type ScreenMessageKey, screenMessages } from './outreach-screen-messages.ts';

const ReportFields = graphql(`
  fragment IncidentImportReportFields on IncidentImportReport {
    batchId
    durationMs
    summary { rowCount importedCount queuedCount noContactCount inactiveTypeCount rejectedCount }
    rejected { rowNumber problems { field code messageDa messageEn } }
    fileProblems { field code messageDa messageEn }
  }
`);

const PreviewMutation = graphql(
  `
  mutation PreviewIncidentImport($input: IncidentImportInput!) {
    previewIncidentImport(input: $input) { ...IncidentImportReportFields }
  }
`,
  [ReportFields],
);

const ImportMutation = graphql(
  `
  mutation ImportIncidents($input: IncidentImportInput!) {
    importIncidents(input: $input) { ...IncidentImportReportFields }
  }
`,
  [ReportFields],
);

type Report = ResultOf<typeof ReportFields>;

/** More rows than this make the page slow to read; the download holds them all. */
const SHOWN_REJECTED_ROWS = 500;
type Problem = { field: string; code: string; messageDa: string; messageEn: string };

function toFieldError(p: Problem): FieldError {
  return { field: p.field, code: p.code, message: { da: p.messageDa, en: p.messageEn } };
}

function fieldLabelKey(field: string): ScreenMessageKey {
  const known = ['incidentDate', 'incidentType', 'role', 'name', 'phone', 'age', 'gender', 'motive', 'rows'];
  return (known.includes(field) ? `import.field.${field}` : 'import.field.rows') as ScreenMessageKey;
}

/** Problems shown before anything is sent: the gateway would refuse the whole list for one of them. */
const SHOWN_TEXT_PROBLEMS = 10;

/** Cells that break the text rules or could not be decoded (see @vi/domain text-input.ts), as the worker reads them. */
function textProblems(
  rows: readonly IncidentRowInput[],
  sourceRows: readonly number[],
): Array<{ rowNumber: number; error: FieldError }> {
  return cellTextProblems(rows, SHOWN_TEXT_PROBLEMS).map((p) => ({
    rowNumber: sourceRows[p.index] ?? p.index + 2,
    error: fieldError(p.field, p.code),
  }));
}

/** What the worker recognises a row by: date, type and name as written in the file (kept in the browser). */
function rowSummary(row: IncidentRowInput | undefined): string {
  if (!row) return '';
  return [row.incidentDate, row.incidentType, row.name].filter((v) => v != null && v !== '').join(' · ');
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; percent: number }
  | { kind: 'read'; rows: IncidentRowInput[]; sourceRows: number[] }
  | { kind: 'checked'; rows: IncidentRowInput[]; sourceRows: number[]; report: Report }
  | { kind: 'imported'; rows: IncidentRowInput[]; sourceRows: number[]; report: Report };

/**
 * Step 1 of the outreach model: the police list. Read in the browser with progress,
 * checked by the gateway as a dry run (nothing stored), then imported in one transaction.
 */
export function ImportScreen() {
  const t = useT(screenMessages);
  const ti = useT(importMessages);
  const { locale } = useLocale();
  const localized = useLocalized();
  const problemText = useProblemText();
  const fileId = useId();
  const [fileName, setFileName] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [localProblems, setLocalProblems] = useState<string[]>([]);
  const [preview, runPreview] = useMutation(PreviewMutation);
  const [imported, runImport] = useMutation(ImportMutation);
  const requestError = preview.error ?? imported.error;

  async function onFile(file: File | undefined) {
    setLocalProblems([]);
    if (!file) return;
    setFileName(file.name);
    setStage({ kind: 'reading', percent: 0 });
    try {
      // The bytes, not the browser's UTF-8 reading of them: Danish Excel saves
      // Windows-1252, which read as UTF-8 turns "Søren" into "S\uFFFDren" silently.
      const decoded = decodeTextFile(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) {
        setLocalProblems([localized(decoded.error.message)]);
        setStage({ kind: 'idle' });
        return;
      }
      const csv = await readIncidentCsv(decoded.text, (fraction) =>
        setStage({ kind: 'reading', percent: Math.round(fraction * 100) }),
      );
      if (csv.columnErrors.length > 0) {
        setLocalProblems(
          csv.columnErrors.map((e) => `${t(fieldLabelKey(e.field))}: ${localized(e.message)}`),
        );
        setStage({ kind: 'idle' });
        return;
      }
      const unreadable = textProblems(csv.rows, csv.sourceRows);
      if (unreadable.length > 0) {
        setLocalProblems(
          unreadable.map(
            (p) =>
              `${ti('import.rowInFile')} ${p.rowNumber}, ${t(fieldLabelKey(p.error.field))}: ${localized(p.error.message)}`,
          ),
        );
        setStage({ kind: 'idle' });
        return;
      }
      setStage({ kind: 'read', rows: csv.rows, sourceRows: csv.sourceRows });
    } catch (error) {
      setLocalProblems([
        t('import.parseFailed', { reason: error instanceof Error ? error.message : String(error) }),
      ]);
      setStage({ kind: 'idle' });
    }
  }

  async function check(rows: IncidentRowInput[], sourceRows: number[]) {
    const result = await runPreview({ input: { fileName, rows } });
    const report = result.data?.previewIncidentImport;
    if (report) setStage({ kind: 'checked', rows, sourceRows, report: readFragment(ReportFields, report) });
  }

  async function importValid(rows: IncidentRowInput[], sourceRows: number[]) {
    const result = await runImport({ input: { fileName, rows } });
    const report = result.data?.importIncidents;
    if (report) setStage({ kind: 'imported', rows, sourceRows, report: readFragment(ReportFields, report) });
  }

  function downloadTemplate() {
    downloadText(
      incidentTemplateFileName(locale),
      incidentTemplateCsv(locale, danishCalendarDate(new Date())),
    );
  }

  function downloadRejected(rows: IncidentRowInput[], sourceRows: number[], report: Report) {
    const checks: RowCheck[] = report.rejected.map((r) => ({
      rowNumber: r.rowNumber,
      disposition: 'REJECTED',
      incident: null,
      errors: r.problems.map(toFieldError),
    }));
    downloadText(rejectedRowsFileName(fileName, locale), rejectedRowsCsv(rows, checks, locale, sourceRows));
  }

  const report = stage.kind === 'checked' || stage.kind === 'imported' ? stage.report : null;
  const rows =
    stage.kind === 'read' || stage.kind === 'checked' || stage.kind === 'imported' ? stage.rows : null;
  const sourceRows =
    stage.kind === 'read' || stage.kind === 'checked' || stage.kind === 'imported' ? stage.sourceRows : [];
  /** Excel's row number of a checked row (RowCheck.rowNumber counts data rows from 1). */
  const rowInFile = (rowNumber: number) => sourceRows[rowNumber - 1] ?? rowNumber + 1;

  return (
    <section aria-labelledby="import-heading" className="or-screen">
      <h1 id="import-heading">{t('import.heading')}</h1>
      <p>
        {ti('import.intro', {
          columns: INCIDENT_FIELDS.map((f) => INCIDENT_COLUMN_LABELS[f][locale]).join(', '),
        })}
      </p>
      <p>
        <button
          type="button"
          className="vi-button"
          onClick={downloadTemplate}
          aria-describedby={`${fileId}-template`}
        >
          {ti('import.template')}
        </button>{' '}
        <span id={`${fileId}-template`} className="or-hint">
          {ti('import.templateHint')}
        </span>
      </p>
      <div className="vi-field">
        <label htmlFor={fileId}>{t('import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          disabled={stage.kind === 'reading' || preview.fetching || imported.fetching}
          onChange={(event) => void onFile(event.target.files?.[0])}
        />
      </div>
      <div aria-live="polite" className="or-status">
        {stage.kind === 'reading' ? (
          <>
            <label htmlFor={`${fileId}-progress`}>{t('import.reading', { percent: stage.percent })}</label>
            <progress id={`${fileId}-progress`} max={100} value={stage.percent} />
          </>
        ) : null}
        {rows && stage.kind === 'read' ? <p>{t('import.readingDone', { rows: rows.length })}</p> : null}
        {preview.fetching && rows ? <p>{t('import.checking', { rows: rows.length })}</p> : null}
        {imported.fetching && report ? (
          <p>{t('import.importing', { count: report.summary.importedCount })}</p>
        ) : null}
        {stage.kind === 'imported' ? (
          <p className="or-success">
            {t('import.imported', {
              count: stage.report.summary.importedCount,
              queued: stage.report.summary.queuedCount,
            })}
          </p>
        ) : null}
      </div>
      {localProblems.length > 0 || requestError ? (
        <div role="alert" className="or-alert">
          {localProblems.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {requestError ? <p>{problemText(describeRequestProblem(requestError))}</p> : null}
        </div>
      ) : null}
      {stage.kind === 'read' ? (
        <button
          type="button"
          className="vi-button vi-button--primary"
          disabled={preview.fetching}
          onClick={() => void check(stage.rows, stage.sourceRows)}
        >
          {t('import.check')}
        </button>
      ) : null}
      {report && rows ? (
        <>
          <h2>{stage.kind === 'imported' ? t('import.resultHeading') : t('import.summaryHeading')}</h2>
          <dl className="or-summary">
            <dt>{t('import.rows')}</dt>
            <dd>{report.summary.rowCount}</dd>
            <dt>{t('import.valid')}</dt>
            <dd>{report.summary.importedCount}</dd>
            <dt>{t('import.queued')}</dt>
            <dd>{report.summary.queuedCount}</dd>
            <dt>{t('import.noContact')}</dt>
            <dd>{report.summary.noContactCount}</dd>
            <dt>{t('import.inactiveType')}</dt>
            <dd>{report.summary.inactiveTypeCount}</dd>
            <dt>{t('import.rejected')}</dt>
            <dd>{report.summary.rejectedCount}</dd>
          </dl>
          {report.fileProblems.length > 0 ? (
            <ul className="or-alert">
              {report.fileProblems.map((p) => (
                <li key={p.code}>{locale === 'da' ? p.messageDa : p.messageEn}</li>
              ))}
            </ul>
          ) : null}
          {stage.kind === 'checked' ? (
            <p>
              {report.summary.importedCount > 0 ? (
                <button
                  type="button"
                  className="vi-button vi-button--primary"
                  disabled={imported.fetching}
                  onClick={() => void importValid(rows, sourceRows)}
                >
                  {t('import.importValid', { count: report.summary.importedCount })}
                </button>
              ) : (
                t('import.nothingValid')
              )}
            </p>
          ) : null}
          {report.rejected.length > 0 ? (
            <>
              <h2>{t('import.rejectedHeading')}</h2>
              <p>
                <button
                  type="button"
                  className="vi-button"
                  onClick={() => downloadRejected(rows, sourceRows, report)}
                >
                  {t('import.download')}
                </button>
              </p>
              {report.rejected.length > SHOWN_REJECTED_ROWS ? (
                <p>
                  {t('import.showingFirst', { shown: SHOWN_REJECTED_ROWS, total: report.rejected.length })}
                </p>
              ) : null}
              <table className="or-table">
                <caption className="vi-visually-hidden">{t('import.rejectedHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ti('import.rowInFile')}</th>
                    <th scope="col">{t('import.rowContent')}</th>
                    <th scope="col">{t('import.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.slice(0, SHOWN_REJECTED_ROWS).map((r) => (
                    <tr key={r.rowNumber}>
                      <th scope="row">{rowInFile(r.rowNumber)}</th>
                      <td>{rowSummary(rows[r.rowNumber - 1])}</td>
                      <td>
                        <ul className="or-problems">
                          {r.problems.map((p) => (
                            <li key={`${p.field}:${p.code}`} data-code={p.code}>
                              <strong>{t(fieldLabelKey(p.field))}:</strong>{' '}
                              {locale === 'da' ? p.messageDa : p.messageEn}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </>
      ) : null}
      <CrimeCodeTable />
    </section>
  );
}
