import { FollowUpStatus, QuestionnaireKind, RiskRoute } from '@vi/db';
import { fieldError } from '@vi/domain';
import { builder } from '../builder.ts';
import { validationError } from '../errors.ts';

// The Prisma enums are the domain's stable codes (DOMAIN 3).
export const RiskRouteEnum = builder.enumType(RiskRoute, { name: 'RiskRoute' });
export const FollowUpStatusEnum = builder.enumType(FollowUpStatus, { name: 'FollowUpStatus' });
export const QuestionnaireKindEnum = builder.enumType(QuestionnaireKind, { name: 'QuestionnaireKind' });

/** The two forms a participant fills in themselves; registration is filled by staff. */
export const ParticipantFormKindEnum = builder.enumType('ParticipantFormKind', {
  values: ['BASELINE', 'END'] as const,
});

/** What a leader may know about a participant's form: whether it is in, never what it says. */
export const FormProgressEnum = builder.enumType('FormProgress', {
  values: {
    NOT_STARTED: { description: 'No link opened yet.' },
    LINK_OPEN: { description: 'A link is open and has not been used.' },
    DONE: { description: 'The participant has submitted the form.' },
  },
});

type AnswersShape = Record<string, unknown>;
type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/**
 * Questionnaire answers keyed by the domain's item ids. Shape and values are
 * checked by the domain's `validateAnswers` for the form in question, not
 * here. Declared through a widened builder because the shared builder lists
 * only the common scalars; this one belongs to the questionnaire feature.
 */
export const QuestionnaireAnswersScalar = (
  builder as unknown as {
    scalarType(
      name: string,
      options: PothosSchemaTypes.ScalarTypeOptions<BuilderTypes, AnswersShape, AnswersShape>,
    ): PothosSchemaTypes.ScalarRef<BuilderTypes, AnswersShape, AnswersShape>;
  }
).scalarType('QuestionnaireAnswers', {
  description: "A form's answers keyed by the questionnaire definition's item ids.",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw validationError([fieldError('answers', 'NOT_AN_OBJECT')]);
    }
    return value as AnswersShape;
  },
});
