import '../screens/group-course.css';
import { type Answers, FORM_LINK_PROBLEM_MESSAGES, formTokenFromFragment } from '@vi/domain';
import {
  createGraphqlClient,
  describeRequestProblem,
  type LanguageOverrides,
  LocaleProvider,
  ParticipantLanguagePicker,
  type ParticipantMessages,
  ParticipantTexts,
  type QuestionnaireDraft,
  QuestionnaireForm,
  type RequestProblem,
  useParticipantLanguage,
  useProblemText,
} from '@vi/ui';
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Provider, useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { clearDraft, draftForLink, type ParticipantDraft, saveDraft } from './participant-draft.ts';

const ParticipantFormQuery = graphql(`
  query ParticipantForm($token: String!, $locale: String!) {
    participantForm(token: $token) { kind expiresAt organizationName textOverrides(locale: $locale) { key text } }
  }
`);

const SubmitParticipantFormMutation = graphql(`
  mutation SubmitParticipantForm($token: String!, $answers: QuestionnaireAnswers!, $locale: String) {
    submitParticipantForm(token: $token, answers: $answers, locale: $locale) { kind submittedAt }
  }
`);

/**
 * Read the token once from `#t=...` and take it out of the address bar at once: the form may be filled
 * in on a tablet handed round the group, and the next person must not find the link in the history.
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

/**
 * The link to answer: the one just opened, or after a reload (the address no longer holds it) the
 * one this tab's draft was for, with the answers given so far.
 */
function resolveLink(): { token: string | null; draft: ParticipantDraft | null } {
  const fromAddress = takeTokenFromAddress();
  const draft = draftForLink(fromAddress);
  const token = fromAddress ?? draft?.token ?? null;
  // Remember the link at once, so a reload before the first answer still finds the form.
  if (token && !draft) saveDraft({ token, answers: {}, page: 0 });
  return { token, draft };
}

/** The gateway's link messages are FORM_LINK_PROBLEM_MESSAGES: read in the participant's language. */
function linkProblemKey(problem: RequestProblem): string | null {
  const found = Object.entries(FORM_LINK_PROBLEM_MESSAGES).find(([, m]) => m.da === problem.message?.da);
  return found ? `link.${found[0]}` : null;
}

function Problem({ problem, messages }: { problem: RequestProblem; messages: ParticipantMessages }) {
  const problemText = useProblemText();
  const key = linkProblemKey(problem);
  const sentence =
    key !== null
      ? messages.format(key)
      : problem.code === 'NETWORK'
        ? messages.format('error.network')
        : problem.message
          ? problemText(problem)
          : messages.format('error.unexpected');
  return (
    <div className="gc-problem" role="alert">
      <h1>{messages.format('participant.problem')}</h1>
      <p>{sentence}</p>
    </div>
  );
}

function ParticipantForm({
  token,
  draft,
  messages,
  onOverrides,
}: {
  token: string;
  draft: ParticipantDraft | null;
  messages: ParticipantMessages;
  onOverrides: (overrides: LanguageOverrides) => void;
}) {
  const locale = messages.locale;
  const [form] = useQuery({
    query: ParticipantFormQuery,
    variables: { token, locale },
    requestPolicy: 'network-only',
  });
  // A language switch asks again (for that language's overrides): keep showing the form meanwhile, so
  // the form stays mounted and keeps the answers given so far.
  const [lastData, setLastData] = useState(form.data);
  useEffect(() => {
    if (form.data) setLastData(form.data);
  }, [form.data]);
  const data = form.data ?? lastData;
  const overrides = form.data?.participantForm.textOverrides;
  useEffect(() => {
    if (overrides) onOverrides({ locale, list: overrides });
  }, [overrides, locale, onOverrides]);
  const [result, submit] = useMutation(SubmitParticipantFormMutation);
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const thanks = useRef<HTMLDivElement>(null);
  const done = Boolean(result.data?.submitParticipantForm);

  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);
  // A link the gateway refuses (used, expired, changed) leaves nothing behind in the tab; a lost
  // connection or a server fault does not cost the answers, the next reload may work.
  const linkRefused =
    form.error !== undefined && !['NETWORK', 'UNEXPECTED'].includes(describeRequestProblem(form.error).code);
  useEffect(() => {
    if (done || linkRefused) clearDraft();
  }, [done, linkRefused]);
  const keepDraft = useCallback(
    (next: QuestionnaireDraft) => saveDraft({ token, answers: next.answers, page: next.page }),
    [token],
  );
  const [initialDraft] = useState<QuestionnaireDraft | undefined>(() =>
    draft ? { answers: draft.answers, page: draft.page } : undefined,
  );

  if (done) {
    return (
      <div ref={thanks} tabIndex={-1} className="gc-thanks" role="status">
        <h1>{messages.format('participant.thanks')}</h1>
        <p>{messages.format('participant.thanksDetail')}</p>
      </div>
    );
  }
  if (form.error && !data)
    return <Problem problem={describeRequestProblem(form.error)} messages={messages} />;
  const kind = data?.participantForm.kind;
  if (!kind) return <p role="status">{messages.format('participant.loading')}</p>;
  return (
    <>
      <p className="gc-muted">{data?.participantForm.organizationName}</p>
      {problem ? <Problem problem={problem} messages={messages} /> : null}
      <ParticipantTexts messages={messages}>
        <QuestionnaireForm
          kind={kind}
          idPrefix="participant"
          submitting={result.fetching}
          initialDraft={initialDraft}
          onDraftChange={done ? undefined : keepDraft}
          onSubmit={async (answers: Answers) => {
            setProblem(null);
            const outcome = await submit({ token, answers, locale });
            if (!outcome.error) return undefined;
            const found = describeRequestProblem(outcome.error);
            if (found.code === 'VALIDATION') return found.fields;
            setProblem(found);
            return undefined;
          }}
        />
      </ParticipantTexts>
    </>
  );
}

function PageFrame() {
  const [overrides, setOverrides] = useState<LanguageOverrides | null>(null);
  // The participant's language (issue 14): picked here, <html lang dir> follows, texts load on demand.
  const { locale, setLocale, messages } = useParticipantLanguage(overrides);
  const [{ token, draft }] = useState(resolveLink);
  const client = useMemo(() => createGraphqlClient(), []);
  const title = messages?.format('page.title');
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  useEffect(() => {
    // Another link pasted into the same tab changes only the fragment: start over with its token.
    const onHashChange = () => {
      if (formTokenFromFragment(window.location.hash)) window.location.reload();
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return (
    <>
      <header className="vi-header">
        <div className="vi-header__bar">
          <p className="vi-app-name">{title ?? '…'}</p>
          {messages ? (
            <ParticipantLanguagePicker
              locale={locale}
              label={messages.format('page.language')}
              onChange={setLocale}
            />
          ) : null}
        </div>
      </header>
      <main id="main" className="vi-main gc-participant">
        <Provider value={client}>
          {!messages ? (
            <p role="status">…</p>
          ) : token ? (
            <ParticipantForm token={token} draft={draft} messages={messages} onOverrides={setOverrides} />
          ) : (
            <div className="gc-problem" role="alert">
              <h1>{messages.format('participant.problem')}</h1>
              <p>{messages.format('participant.noToken')}</p>
            </div>
          )}
        </Provider>
      </main>
    </>
  );
}

/** The participant's own form page: no login, the one-time link's token is the key. */
export function ParticipantFormPage() {
  return (
    <StrictMode>
      <LocaleProvider>
        <PageFrame />
      </LocaleProvider>
    </StrictMode>
  );
}
