import '../screens/group-course.css';
import { type Answers, formTokenFromFragment } from '@vi/domain';
import {
  bothLanguages,
  createGraphqlClient,
  describeRequestProblem,
  LanguageSwitch,
  LocaleProvider,
  type QuestionnaireDraft,
  QuestionnaireForm,
  type RequestProblem,
  useLocale,
  useProblemText,
  useT,
} from '@vi/ui';
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Provider, useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { screenMessages } from '../screens/screen-messages.ts';
import { clearDraft, draftForLink, type ParticipantDraft, saveDraft } from './participant-draft.ts';

const ParticipantFormQuery = graphql(`
  query ParticipantForm($token: String!) {
    participantForm(token: $token) { kind expiresAt organizationName }
  }
`);

const SubmitParticipantFormMutation = graphql(`
  mutation SubmitParticipantForm($token: String!, $answers: QuestionnaireAnswers!) {
    submitParticipantForm(token: $token, answers: $answers) { kind submittedAt }
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

function Problem({ problem }: { problem: RequestProblem }) {
  const t = useT(screenMessages);
  const problemText = useProblemText();
  return (
    <div className="gc-problem" role="alert">
      <h1>{t('participant.problem')}</h1>
      <p>{problemText(problem)}</p>
    </div>
  );
}

function ParticipantForm({ token, draft }: { token: string; draft: ParticipantDraft | null }) {
  const t = useT(screenMessages);
  const [form] = useQuery({
    query: ParticipantFormQuery,
    variables: { token },
    requestPolicy: 'network-only',
  });
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
        <h1>{t('participant.thanks')}</h1>
        <p>{t('participant.thanksDetail')}</p>
      </div>
    );
  }
  if (form.error) return <Problem problem={describeRequestProblem(form.error)} />;
  const kind = form.data?.participantForm.kind;
  if (!kind) return <p role="status">{t('participant.loading')}</p>;
  return (
    <>
      <p className="gc-muted">{form.data?.participantForm.organizationName}</p>
      {problem ? <Problem problem={problem} /> : null}
      <QuestionnaireForm
        kind={kind}
        idPrefix="participant"
        submitting={result.fetching}
        initialDraft={initialDraft}
        onDraftChange={done ? undefined : keepDraft}
        onSubmit={async (answers: Answers) => {
          setProblem(null);
          const outcome = await submit({ token, answers });
          if (!outcome.error) return undefined;
          const found = describeRequestProblem(outcome.error);
          if (found.code === 'VALIDATION') return found.fields;
          setProblem(found);
          return undefined;
        }}
      />
    </>
  );
}

function PageFrame() {
  const { locale } = useLocale();
  const [{ token, draft }] = useState(resolveLink);
  const client = useMemo(() => createGraphqlClient(), []);
  useEffect(() => {
    document.title = locale === 'da' ? 'Spørgeskema' : 'Questionnaire';
  }, [locale]);
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
          <p className="vi-app-name">{locale === 'da' ? 'Spørgeskema' : 'Questionnaire'}</p>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="vi-main gc-participant">
        <Provider value={client}>
          {token ? (
            <ParticipantForm token={token} draft={draft} />
          ) : (
            <Problem
              problem={{
                code: 'NOT_FOUND',
                message: bothLanguages(screenMessages, 'participant.noToken'),
                fields: [],
              }}
            />
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
