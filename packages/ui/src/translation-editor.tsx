import {
  builtInTable,
  type OverridableTextGroup,
  overridableBuiltInTable,
  PARTICIPANT_LOCALES,
  type ParticipantLocale,
  textDirection,
} from '@vi/domain';
import { useEffect, useId, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { FieldErrors } from './field-errors.tsx';
import { graphql } from './graphql.ts';
import { describeRequestProblem, fieldErrorsFor, type RequestProblem } from './graphql-errors.ts';
import { useT } from './locale.tsx';
import { useProblemText } from './problem-message.ts';
import { translationEditorMessages } from './translation-editor-messages.ts';
import {
  filterTranslationRows,
  groupTranslationRows,
  type TranslationRow,
  translationRows,
} from './translation-rows.ts';
import './translation-editor.css';

/**
 * The lead's translation screen (issue 14: "the lead can replace a translation without a code
 * change"), shared by the outreach and group-course apps: pick a language, find a text by search
 * or by where it is shown, compare the Danish source with the built-in text, and write the
 * organisation's own, or go back to the built-in one. The gateway checks each text (an offered
 * language, a known key, ICU that parses, the Danish text's placeholders) and its field errors are
 * shown at the textarea. Only the project lead and the administrator get here (the apps'
 * navigation) and only they may read or write overrides (the gateway).
 */

const OverridesQuery = graphql(`
  query TranslationOverrides($locale: String!) {
    translationOverrides(locale: $locale) { key text }
  }
`);

const SaveOverrideMutation = graphql(`
  mutation SaveTranslationOverride($input: TranslationOverrideInput!) {
    saveTranslationOverride(input: $input) { key text }
  }
`);

const DeleteOverrideMutation = graphql(`
  mutation DeleteTranslationOverride($locale: String!, $key: String!) {
    deleteTranslationOverride(locale: $locale, key: $key) { key text }
  }
`);

type Override = { key: string; text: string };

/** A group shows this many rows when opened: more are reached by searching, not by scrolling on. */
const ROWS_PER_GROUP = 40;

function TranslationEntry({
  row,
  locale,
  onSaved,
}: {
  row: TranslationRow;
  locale: ParticipantLocale;
  onSaved: (overrides: Override[]) => void;
}) {
  const t = useT(translationEditorMessages);
  const problemText = useProblemText();
  const id = useId();
  const current = row.override ?? row.builtIn;
  const [text, setText] = useState(current);
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const [done, setDone] = useState<'saved' | 'reset' | null>(null);
  const [saving, save] = useMutation(SaveOverrideMutation);
  const [resetting, reset] = useMutation(DeleteOverrideMutation);
  // A reset (or another language's list) changes what is current: the textarea follows.
  useEffect(() => setText(current), [current]);
  const dir = textDirection(locale);
  const errors = fieldErrorsFor(problem, 'text');
  const otherProblem = problem && errors.length === 0 ? problemText(problem) : null;
  const errorsId = `${id}-errors`;

  async function onSave() {
    setDone(null);
    setProblem(null);
    const outcome = await save({ input: { locale, key: row.key, text } });
    if (outcome.error) return setProblem(describeRequestProblem(outcome.error));
    if (outcome.data) onSaved(outcome.data.saveTranslationOverride);
    setDone('saved');
  }
  async function onReset() {
    setDone(null);
    setProblem(null);
    const outcome = await reset({ locale, key: row.key });
    if (outcome.error) return setProblem(describeRequestProblem(outcome.error));
    if (outcome.data) onSaved(outcome.data.deleteTranslationOverride);
    setDone('reset');
  }

  return (
    <li className="vi-translation" aria-labelledby={`${id}-key`}>
      <p className="vi-translation__key">
        <code id={`${id}-key`}>{row.key}</code>
        {row.override !== null ? (
          <span className="vi-translation__changed">{t('editor.changed')}</span>
        ) : null}
      </p>
      <dl className="vi-translation__texts">
        <div>
          <dt>{t('editor.source')}</dt>
          <dd lang="da">{row.source}</dd>
        </div>
        {locale !== 'da' ? (
          <div>
            <dt>{t('editor.builtIn')}</dt>
            <dd lang={locale} dir={dir}>
              {row.builtIn}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className={errors.length > 0 ? 'vi-field vi-field--invalid' : 'vi-field'}>
        <label htmlFor={`${id}-text`}>{t('editor.yours')}</label>
        <textarea
          id={`${id}-text`}
          lang={locale}
          dir={dir}
          rows={Math.min(8, Math.max(2, Math.ceil(text.length / 60)))}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length > 0 ? errorsId : undefined}
        />
        <FieldErrors id={errorsId} errors={errors} />
      </div>
      <div className="vi-actions">
        <button
          type="button"
          className="vi-button vi-button--primary"
          disabled={saving.fetching || text.trim() === current.trim()}
          onClick={onSave}
        >
          {saving.fetching ? t('editor.saving') : t('editor.save')}
        </button>
        {row.override !== null ? (
          <button type="button" className="vi-button" disabled={resetting.fetching} onClick={onReset}>
            {t('editor.reset')}
          </button>
        ) : null}
      </div>
      <p className="vi-translation__status" role="status">
        {done === 'saved' ? t('editor.saved') : done === 'reset' ? t('editor.resetDone') : null}
      </p>
      {otherProblem ? (
        <p className="vi-inline-error" role="alert">
          {otherProblem}
        </p>
      ) : null}
    </li>
  );
}

function TranslationGroup({
  group,
  rows,
  open,
  onToggle,
  locale,
  onSaved,
}: {
  group: OverridableTextGroup;
  rows: TranslationRow[];
  open: boolean;
  onToggle: (open: boolean) => void;
  locale: ParticipantLocale;
  onSaved: (overrides: Override[]) => void;
}) {
  const t = useT(translationEditorMessages);
  const changed = rows.filter((row) => row.override !== null).length;
  const shown = rows.slice(0, ROWS_PER_GROUP);
  return (
    <details
      className="vi-translation-group"
      open={open}
      onToggle={(event) => onToggle(event.currentTarget.open)}
    >
      <summary>{t('editor.group', { name: t(`group.${group}`), count: rows.length, changed })}</summary>
      {/* Rows are built only for an open group: the closed ones cost nothing. */}
      {open ? (
        <>
          <ul className="vi-translation-list">
            {shown.map((row) => (
              <TranslationEntry key={`${locale}:${row.key}`} row={row} locale={locale} onSaved={onSaved} />
            ))}
          </ul>
          {rows.length > shown.length ? (
            <p className="vi-translation__more">{t('editor.more', { count: rows.length - shown.length })}</p>
          ) : null}
        </>
      ) : null}
    </details>
  );
}

/** The translation screen: a heading, the language, the search, and the texts by group. */
export function TranslationEditor() {
  const t = useT(translationEditorMessages);
  const problemText = useProblemText();
  const id = useId();
  const [locale, setLocale] = useState<ParticipantLocale>('en');
  const [search, setSearch] = useState('');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [openGroups, setOpenGroups] = useState<ReadonlySet<OverridableTextGroup>>(new Set());
  const [builtIn, setBuiltIn] = useState<{
    locale: ParticipantLocale;
    table: Readonly<Record<string, string>>;
  } | null>(null);
  const [saved, setSaved] = useState<{ locale: ParticipantLocale; list: Override[] } | null>(null);
  const [result] = useQuery({
    query: OverridesQuery,
    variables: { locale },
    requestPolicy: 'network-only',
  });

  useEffect(() => {
    let current = true;
    overridableBuiltInTable(locale, builtInTable).then((table) => {
      if (current) setBuiltIn({ locale, table });
    });
    return () => {
      current = false;
    };
  }, [locale]);

  // The list a save or reset gave back is newer than the query's (the document cache would not
  // refetch after the last override of a language is deleted: an empty list names no type).
  const overrides = saved?.locale === locale ? saved.list : (result.data?.translationOverrides ?? null);
  const rows = useMemo(
    () => (builtIn?.locale === locale && overrides ? translationRows(builtIn.table, overrides) : null),
    [builtIn, locale, overrides],
  );
  const filtered = useMemo(
    () => (rows ? filterTranslationRows(rows, search, onlyChanged) : []),
    [rows, search, onlyChanged],
  );
  const searching = search.trim() !== '' || onlyChanged;
  const groups = groupTranslationRows(filtered);
  const problem = result.error ? describeRequestProblem(result.error) : null;

  return (
    <section className="vi-translation-editor" aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>{t('editor.heading')}</h1>
      <p className="vi-translation-editor__intro">{t('editor.intro', { example: '{page}' })}</p>
      <div className="vi-translation-editor__controls">
        <div className="vi-field">
          <label htmlFor={`${id}-locale`}>{t('editor.language')}</label>
          <select
            id={`${id}-locale`}
            value={locale}
            onChange={(event) => {
              const chosen = PARTICIPANT_LOCALES.find((l) => l.code === event.target.value);
              if (!chosen) return;
              setSaved(null);
              setLocale(chosen.code);
            }}
          >
            {PARTICIPANT_LOCALES.map((choice) => (
              <option key={choice.code} value={choice.code} lang={choice.code}>
                {choice.name} ({choice.code})
              </option>
            ))}
          </select>
        </div>
        <div className="vi-field">
          <label htmlFor={`${id}-search`}>{t('editor.filter')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="vi-translation-editor__check">
          <input
            id={`${id}-changed`}
            type="checkbox"
            checked={onlyChanged}
            onChange={(event) => setOnlyChanged(event.target.checked)}
          />
          <label htmlFor={`${id}-changed`}>{t('editor.onlyChanged')}</label>
        </div>
      </div>
      {problem ? (
        <p className="vi-form-message" role="alert">
          {problemText(problem)}
        </p>
      ) : null}
      {!rows && !problem ? <p role="status">{t('editor.loading')}</p> : null}
      {rows ? (
        <>
          <p role="status" className="vi-translation-editor__count">
            {filtered.length === 0
              ? t('editor.none')
              : t('editor.count', { shown: filtered.length, total: rows.length })}
          </p>
          {groups.map(({ group, rows: groupRows }) => (
            <TranslationGroup
              key={group}
              group={group}
              rows={groupRows}
              // A search opens every group with a match; otherwise the lead opens one at a time.
              open={searching || openGroups.has(group)}
              onToggle={(open) => {
                if (searching) return;
                setOpenGroups((before) => {
                  const next = new Set(before);
                  if (open) next.add(group);
                  else next.delete(group);
                  return next;
                });
              }}
              locale={locale}
              onSaved={(list) => setSaved({ locale, list })}
            />
          ))}
        </>
      ) : null}
    </section>
  );
}
