import './survey.css';
import {
  type Answers,
  formTokenFromFragment,
  mergeOverrides,
  outreachSurveyTable,
  type ParticipantLocale,
  type TranslationTable,
} from '@vi/domain';
import {
  createGraphqlClient,
  describeRequestProblem,
  type LanguageOverrides,
  ParticipantLanguagePicker,
  useParticipantLanguage,
} from '@vi/ui';
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type CombinedError, Provider, useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { clearSurveyDraft, type SurveyDraft, saveSurveyDraft, surveyDraftFor } from './survey-draft.ts';
import { SurveyForm, type SurveyFormDraft } from './survey-form.tsx';
import { type SurveyTexts, surveyTexts } from './survey-texts.ts';

const OutreachSurveyQuery = graphql(`
  query OutreachSurvey($token: String!, $locale: String!) {
    outreachSurvey(token: $token) {
      expiresAt
      organizationName
      suggestedLocale
      textOverrides(locale: $locale) { key text }
    }
  }
`);

const SubmitOutreachSurveyMutation = graphql(`
  mutation SubmitOutreachSurvey($token: String!, $language: String!, $answers: QuestionnaireAnswers!) {
    submitOutreachSurvey(token: $token, language: $language, answers: $answers) { received followUpRecorded }
  }
`);

/**
 * Read the token once from `#t=…` and take it out of the address bar at once (as the participant
 * page does): someone else may pick up the phone, and the link must not sit in its history.
 */
let tokenFromAddress: string | null | undefined;
function takeTokenFromAddress(): string | null {
  // Memoised: React may run a state initialiser twice, and the second run would find the hash gone.
  if (tokenFromAddress === undefined) {
    tokenFromAddress = formTokenFromFragment(window.location.hash);
    if (tokenFromAddress) window.history.replaceState(null, '', window.location.pathname);
  }
  return tokenFromAddress;
}

function resolveLink(): { token: string | null; draft: SurveyDraft | null } {
  const fromAddress = takeTokenFromAddress();
  const draft = surveyDraftFor(fromAddress);
  const token = fromAddress ?? draft?.token ?? null;
  if (token && !draft) saveSurveyDraft({ token, answers: {}, page: 0 });
  return { token, draft };
}

const LINK_REASONS = new Set(['INVALID_LINK', 'LINK_EXPIRED', 'LINK_USED']);

/** What a refused or failed request means to the person, in their language. */
function problemText(texts: SurveyTexts, error: CombinedError): string {
  const reason = error.graphQLErrors[0]?.extensions?.reason;
  if (typeof reason === 'string' && LINK_REASONS.has(reason)) return texts.survey(`survey.link.${reason}`);
  const problem = describeRequestProblem(error);
  if (problem.code === 'NETWORK') return texts.chrome('error.network');
  const base =
    problem.message && (texts.locale === 'da' || texts.locale === 'en')
      ? problem.message[texts.locale]
      : texts.chrome('error.unexpected');
  return problem.requestId ? `${base} ${texts.chrome('error.requestId', { id: problem.requestId })}` : base;
}

function Problem({ texts, text }: { texts: SurveyTexts; text: string }) {
  return (
    <div className="survey-problem" role="alert">
      <h1>{texts.survey('survey.page.problem')}</h1>
      <p>{text}</p>
    </div>
  );
}

/** The day the link stops working, in the person's language and Danish time. */
function formatDay(iso: string, locale: ParticipantLocale): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(
      new Date(iso),
    );
  } catch {
    return iso.slice(0, 10);
  }
}

function Survey({
  token,
  draft,
  texts,
  locale,
  onOverrides,
  onLinkLocale,
}: {
  token: string;
  draft: SurveyDraft | null;
  texts: SurveyTexts;
  /** The language picked: its overrides are asked for (the texts shown may still be the previous language's). */
  locale: ParticipantLocale;
  onOverrides: (overrides: LanguageOverrides) => void;
  /** The language the link carries (the one recorded for the person), for the page's first language. */
  onLinkLocale: (locale: string) => void;
}) {
  const [survey] = useQuery({
    query: OutreachSurveyQuery,
    variables: { token, locale },
    requestPolicy: 'network-only',
  });
  // A language switch asks again for that language's overrides: keep the last page meanwhile, so
  // the form stays mounted with the answers given so far.
  const [lastData, setLastData] = useState(survey.data);
  useEffect(() => {
    if (survey.data) setLastData(survey.data);
  }, [survey.data]);
  const suggested = survey.data?.outreachSurvey.suggestedLocale;
  useEffect(() => {
    if (suggested) onLinkLocale(suggested);
  }, [suggested, onLinkLocale]);
  const overrides = survey.data?.outreachSurvey.textOverrides;
  useEffect(() => {
    if (overrides) onOverrides({ locale, list: overrides });
  }, [overrides, locale, onOverrides]);
  const [result, submit] = useMutation(SubmitOutreachSurveyMutation);
  const [problem, setProblem] = useState<CombinedError | null>(null);
  const thanks = useRef<HTMLDivElement>(null);
  const receipt = result.data?.submitOutreachSurvey;
  const done = Boolean(receipt?.received);
  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);
  // A refused link leaves nothing in the tab; a lost connection keeps the answers for a retry.
  const linkRefused =
    survey.error !== undefined &&
    !['NETWORK', 'UNEXPECTED'].includes(describeRequestProblem(survey.error).code);
  useEffect(() => {
    if (done || linkRefused) clearSurveyDraft();
  }, [done, linkRefused]);
  const keepDraft = useCallback(
    (next: SurveyFormDraft) => saveSurveyDraft({ token, answers: next.answers, page: next.page }),
    [token],
  );
  const [initialDraft] = useState<SurveyFormDraft | undefined>(() =>
    draft ? { answers: draft.answers, page: draft.page } : undefined,
  );

  if (done) {
    return (
      <div ref={thanks} tabIndex={-1} className="survey-thanks" role="status">
        <h1>{texts.survey('survey.page.thanks')}</h1>
        <p>{texts.survey('survey.closing')}</p>
        {receipt?.followUpRecorded === true ? <p>{texts.survey('survey.page.followUpRecorded')}</p> : null}
        {receipt?.followUpRecorded === false ? <p>{texts.survey('survey.page.followUpNotSaved')}</p> : null}
        <p>{texts.survey('survey.page.close')}</p>
      </div>
    );
  }
  const page = (survey.data ?? lastData)?.outreachSurvey;
  if (survey.error && !page) return <Problem texts={texts} text={problemText(texts, survey.error)} />;
  if (!page) return <p role="status">{texts.survey('survey.page.loading')}</p>;
  return (
    <>
      <p className="survey-muted">{page.organizationName}</p>
      {problem ? <Problem texts={texts} text={problemText(texts, problem)} /> : null}
      <SurveyForm
        texts={texts}
        expiryNote={texts.survey('survey.page.expires', { date: formatDay(page.expiresAt, texts.locale) })}
        initialDraft={initialDraft}
        onDraftChange={keepDraft}
        submitting={result.fetching}
        onSubmit={async (answers: Answers) => {
          setProblem(null);
          const outcome = await submit({ token, language: texts.locale, answers });
          if (!outcome.error) return undefined;
          const found = describeRequestProblem(outcome.error);
          if (found.code === 'VALIDATION') return found.fields;
          setProblem(outcome.error);
          return undefined;
        }}
      />
    </>
  );
}

function PageFrame() {
  const [{ token, draft }] = useState(resolveLink);
  const [overrides, setOverrides] = useState<LanguageOverrides | null>(null);
  const [linkLocale, setLinkLocale] = useState<string | null>(null);
  // The participant pages' one rule (packages/ui initialParticipantLocale): the choice made before on
  // this device, else the link's language, else the phone's, else Danish; <html lang dir> set, the
  // organisation's overrides laid over the texts of the language they were fetched for.
  const { locale, setLocale, messages } = useParticipantLanguage(overrides, linkLocale);
  const [table, setTable] = useState<{ locale: ParticipantLocale; table: TranslationTable } | null>(null);
  const [texts, setTexts] = useState<SurveyTexts | null>(null);
  const client = useMemo(() => createGraphqlClient(), []);

  useEffect(() => {
    let current = true;
    outreachSurveyTable(locale).then((loaded) => {
      if (current) setTable({ locale, table: loaded });
    });
    return () => {
      current = false;
    };
  }, [locale]);
  // The page switches when both the shared texts and the survey's are in for the new language; until
  // then it keeps the old ones, so the form (and its answers) stays on the screen.
  // The page's own sentences take the organisation's overrides too (the catalogue's are in messages).
  useEffect(() => {
    if (!messages || !table || messages.locale !== table.locale) return;
    const own =
      overrides?.locale === table.locale ? mergeOverrides(table.table, overrides.list) : table.table;
    setTexts(surveyTexts(messages, own));
  }, [messages, table, overrides]);
  useEffect(() => {
    if (texts) document.title = texts.survey('survey.page.title');
  }, [texts]);
  useEffect(() => {
    // Another link pasted into the same tab changes only the fragment: start over with its token.
    const onHashChange = () => {
      if (formTokenFromFragment(window.location.hash)) window.location.reload();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  if (!texts) return <p className="survey-loading">…</p>;
  return (
    <>
      <header className="vi-header">
        <div className="vi-header__bar">
          <p className="vi-app-name">{texts.survey('survey.page.title')}</p>
          <ParticipantLanguagePicker
            locale={locale}
            label={texts.chrome('page.language')}
            onChange={setLocale}
          />
        </div>
      </header>
      <main id="main" className="vi-main survey-main">
        <Provider value={client}>
          {token ? (
            <Survey
              token={token}
              draft={draft}
              texts={texts}
              locale={locale}
              onOverrides={setOverrides}
              onLinkLocale={setLinkLocale}
            />
          ) : (
            <Problem texts={texts} text={texts.survey('survey.page.noToken')} />
          )}
        </Provider>
      </main>
    </>
  );
}

/** The outreach user survey's public page: no login, the one-time link's token is the key. */
export function SurveyPage() {
  return (
    <StrictMode>
      <PageFrame />
    </StrictMode>
  );
}
