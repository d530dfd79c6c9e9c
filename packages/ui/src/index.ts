export { type AccountMessageKey, accountMessages } from './account-messages.ts';
export { AccountSettings } from './account-settings.tsx';
export { APP_DIRECTORY, type AppName, appServesRoles, appsForRoles } from './app-directory.ts';
export { AppRoot } from './app-root.tsx';
export { AppShell, type AppShellProps } from './app-shell.tsx';
export {
  bothLanguages,
  type Catalogue,
  catalogueProblems,
  DEFAULT_LOCALE,
  defineCatalogue,
  isLocale,
  LOCALES,
  type Locale,
  type LocalizedText,
  type MessageParams,
  placeholdersOf,
  type Translate,
  translate,
} from './catalogue.ts';
export { type CurrentUser, CurrentUserFragment, useCurrentUser } from './current-user.tsx';
export { DANISH_TIME_ZONE, formatDate, formatDateTime } from './dates.ts';
export { FieldErrors } from './field-errors.tsx';
export { CSRF_HEADER, createGraphqlClient, type GraphqlClientOptions } from './graphql-client.ts';
export {
  describeRequestProblem,
  type FieldError,
  fieldErrorsFor,
  type RequestProblem,
} from './graphql-errors.ts';
export { LanguageSwitch } from './language-switch.tsx';
export { LOCALE_STORAGE_KEY, LocaleProvider, useLocale, useLocalized, useT } from './locale.tsx';
export { LoginForm, validateLoginInput } from './login-form.tsx';
export { type UiMessageKey, uiMessages } from './messages.ts';
export { OrganizationSwitcher } from './organization-switcher.tsx';
export {
  applyParticipantLanguage,
  initialParticipantLocale,
  loadParticipantMessages,
  PARTICIPANT_LANGUAGE_CHOICES,
  PARTICIPANT_LOCALE_STORAGE_KEY,
  type ParticipantMessageParams,
  type ParticipantMessages,
  participantMessages,
} from './participant-i18n.ts';
export {
  type LanguageOverrides,
  ParticipantLanguagePicker,
  useParticipantLanguage,
} from './participant-language.tsx';
export {
  ParticipantTexts,
  useFieldErrorText,
  useQuestionnaireDefinition,
  useQuestionnaireT,
} from './participant-texts.tsx';
export { problemText, useProblemText } from './problem-message.ts';
export * from './questionnaire/index.ts';
export {
  EMPTY_REACH_ANSWERS,
  hasReachAnswers,
  ReachAnswersFieldset,
  type ReachAnswersValue,
  reachAnswersValue,
} from './reach-answers-fieldset.tsx';
export { GraphqlSession, useSession, useSessionMutation } from './session.tsx';
export { type TabDraft, type TabDraftStore, tabDraftStore } from './tab-draft.ts';
export { TextField } from './text-field.tsx';
export { translationEditorMessages } from './translation-editor-messages.ts';
export {
  filterTranslationRows,
  groupTranslationRows,
  type TranslationRow,
  translationRows,
} from './translation-rows.ts';
export { UserAdmin } from './user-admin.tsx';
