export {
  type DraftAnswers,
  errorsForItem,
  toggleOption,
  withAnswer,
  withoutHiddenAnswers,
} from './answers-state.ts';
export { QuestionnaireFields, type QuestionnaireFieldsProps } from './questionnaire-fields.tsx';
export {
  type QuestionnaireDraft,
  QuestionnaireForm,
  type QuestionnaireFormProps,
} from './questionnaire-form.tsx';
export { questionnaireMessages } from './questionnaire-messages.ts';
