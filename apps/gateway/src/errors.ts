import { type FieldError, type FieldErrorCode, fieldError } from '@vi/domain';
import { GraphQLError } from 'graphql';

/**
 * Stable error codes the apps switch on (`extensions.code`). They are part of
 * the API: add codes, never rename them.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION: 'VALIDATION',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  NO_ORGANIZATION: 'NO_ORGANIZATION',
  EVALUATION_LIMIT: 'EVALUATION_LIMIT',
  /** Login: the password was right and the account has a second factor; send `code` too. */
  SECOND_FACTOR_REQUIRED: 'SECOND_FACTOR_REQUIRED',
  /** Administrators must turn on two-step login before they manage users. */
  SECOND_FACTOR_SETUP_REQUIRED: 'SECOND_FACTOR_SETUP_REQUIRED',
  /** The door (src/door): a request refused before it runs; `extensions.http.status` says how. */
  BAD_REQUEST: 'BAD_REQUEST',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  CSRF_HEADER_REQUIRED: 'CSRF_HEADER_REQUIRED',
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  /** Depth, aliases, cost, tokens or directives over the limit; `extensions.limit` names which. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The GraphQL message stays `PersistedQueryNotFound`: the apps' client resends the text on it. */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  TRUSTED_DOCUMENT_REQUIRED: 'TRUSTED_DOCUMENT_REQUIRED',
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  TIMEOUT: 'TIMEOUT',
  /** The database cannot be reached (restart, failover): try again shortly (with the same Idempotency-Key). */
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export type LocalizedMessage = { da: string; en: string };

export type { FieldError };

const MESSAGES: Record<ErrorCode, LocalizedMessage> = {
  UNAUTHENTICATED: { da: 'Du skal være logget ind.', en: 'You must be logged in.' },
  FORBIDDEN: { da: 'Du har ikke adgang til dette.', en: 'You do not have access to this.' },
  NOT_FOUND: { da: 'Det findes ikke.', en: 'Not found.' },
  VALIDATION: { da: 'Nogle felter er ikke udfyldt korrekt.', en: 'Some fields are not valid.' },
  INVALID_CREDENTIALS: {
    da: 'Forkert e-mail eller adgangskode.',
    en: 'Wrong email or password.',
  },
  CONFLICT: {
    da: 'Ændringen er i konflikt med data, der allerede findes.',
    en: 'The change conflicts with existing data.',
  },
  RATE_LIMITED: {
    da: 'For mange forsøg. Vent lidt, og prøv igen.',
    en: 'Too many attempts. Wait a while and try again.',
  },
  NO_ORGANIZATION: {
    da: 'Din konto er ikke knyttet til en organisation.',
    en: 'Your account is not linked to an organisation.',
  },
  EVALUATION_LIMIT: {
    da: 'Du har nået dagens grænse for forskellige udsnit i evalueringen.',
    en: "You have reached today's limit of different evaluation selections.",
  },
  SECOND_FACTOR_REQUIRED: {
    da: 'Skriv den 6-cifrede kode fra din godkendelsesapp.',
    en: 'Enter the 6-digit code from your authenticator app.',
  },
  SECOND_FACTOR_SETUP_REQUIRED: {
    da: 'Administratorer skal bruge totrinslogin. Slå det til under Konto, før du administrerer brugere.',
    en: 'Administrators must use two-step login. Turn it on under Account before you manage users.',
  },
  BAD_REQUEST: {
    da: 'Forespørgslen kunne ikke læses.',
    en: 'The request could not be read.',
  },
  METHOD_NOT_ALLOWED: {
    da: 'GraphQL modtages kun som POST.',
    en: 'GraphQL is only accepted as POST.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    da: 'GraphQL modtages kun som application/json.',
    en: 'GraphQL is only accepted as application/json.',
  },
  CSRF_HEADER_REQUIRED: {
    da: 'Forespørgslen mangler appens sikkerhedshoved og er afvist.',
    en: "The request lacks the app's security header and was refused.",
  },
  REQUEST_TOO_LARGE: {
    da: 'Forespørgslen er for stor.',
    en: 'The request is too large.',
  },
  QUERY_TOO_COMPLEX: {
    da: 'Forespørgslen er for dyb, for stor eller for kompleks.',
    en: 'The query is too deep, too large or too complex.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    da: 'Serveren kender ikke denne forespørgsel. Genindlæs siden.',
    en: 'The server does not know this request. Reload the page.',
  },
  TRUSTED_DOCUMENT_REQUIRED: {
    da: 'Kun appernes egne forespørgsler modtages (evaluatorer må desuden læse evalueringen).',
    en: "Only the apps' own requests are accepted (evaluators may also read the evaluation).",
  },
  INTROSPECTION_DISABLED: {
    da: 'Skemaet kan kun slås op af evaluatorer.',
    en: 'Only evaluators may look up the schema.',
  },
  TIMEOUT: {
    da: 'Forespørgslen tog for lang tid og blev stoppet. Prøv et mindre udsnit.',
    en: 'The request took too long and was stopped. Try a smaller selection.',
  },
  UNAVAILABLE: {
    da: 'Databasen er ikke tilgængelig lige nu. Vent et øjeblik, og prøv igen.',
    en: 'The database is not available right now. Wait a moment and try again.',
  },
  INTERNAL: {
    da: 'Der opstod en uventet fejl. Oplys fejl-id, hvis du kontakter support.',
    en: 'An unexpected error occurred. Quote the error id if you contact support.',
  },
};

export function messageFor(code: ErrorCode): LocalizedMessage {
  return MESSAGES[code];
}

/**
 * An expected failure: a GraphQLError (so Yoga's masking lets it through)
 * with a stable code and a Danish + English message. The GraphQL `message`
 * is the English text so logs and tools read naturally.
 */
export class GatewayError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(
    code: ErrorCode,
    options: { message?: LocalizedMessage; extensions?: Record<string, unknown> } = {},
  ) {
    const message = options.message ?? messageFor(code);
    super(message.en, { extensions: { ...options.extensions, code, message } });
    this.code = code;
    this.name = 'GatewayError';
  }
}

export function gatewayError(
  code: ErrorCode,
  options?: { message?: LocalizedMessage; extensions?: Record<string, unknown> },
): GatewayError {
  return new GatewayError(code, options);
}

/** `extensions: { code: 'VALIDATION', message, fields: FieldError[] }`. */
export function validationError(fields: readonly FieldError[]): GatewayError {
  return new GatewayError(ErrorCode.VALIDATION, { extensions: { fields: [...fields] } });
}

/** Throws when `fields` is non-empty; use after collecting every field error of an input. */
export function throwValidation(fields: readonly FieldError[]): void {
  if (fields.length > 0) {
    throw validationError(fields);
  }
}

/**
 * What the client sees instead of an unexpected failure: INTERNAL, the
 * Danish + English message, and the request id to quote (the details are in
 * the log under that id). Keeps the path so the client knows which field.
 */
export function internalError(requestId: string, error?: GraphQLError): GraphQLError {
  return new GraphQLError(messageFor(ErrorCode.INTERNAL).en, {
    ...(error ? { nodes: error.nodes, path: error.path } : {}),
    extensions: { code: ErrorCode.INTERNAL, message: messageFor(ErrorCode.INTERNAL), requestId },
  });
}

export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof GatewayError;
}

const VARIABLE_COERCION =
  /^Variable "\$(?<variable>[^"]+)" got invalid value (?<value>.*?)(?: at "(?<path>[^"]+)")?; (?<reason>.*)$/s;
/** A required variable left out of `variables`, or sent as null. */
const VARIABLE_MISSING =
  /^Variable "\$(?<variable>[^"]+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/;
/** The reason names a field missing from, or unknown to, an input object. */
const FIELD_IN_REASON = /^Field "(?<name>[^"]+)" (?:of required type|is not defined by type)/;
/** graphql-js stops coercing variables after this many errors; the ones before it name the fields. */
const VARIABLE_ERROR_LIMIT = /^Too many errors processing variables/;

/**
 * GraphQL rejects a wrongly typed variable (e.g. an unknown enum value)
 * before any resolver runs, with a message such as
 * `Variable "$input" got invalid value "X" at "input.gender"; Value "X" does not exist in "Gender" enum.`
 * We turn it into the same VALIDATION shape as our own checks so apps have one
 * way to show field errors. The field is the path inside the variable
 * (`gender`), or the variable's name when the variable itself is wrong or is
 * missing (REQUIRED: `Variable "$input" of required type … was not provided`).
 */
export function validationFromVariableError(error: GraphQLError): GatewayError | null {
  const missing = VARIABLE_MISSING.exec(error.message);
  if (missing?.groups?.variable) {
    return validationError([fieldError(missing.groups.variable, 'REQUIRED')]);
  }
  if (VARIABLE_ERROR_LIMIT.test(error.message)) {
    return validationError([]);
  }
  const match = VARIABLE_COERCION.exec(error.message);
  if (!match?.groups) {
    return null;
  }
  const { variable = '', value = '', path: rawPath, reason = '' } = match.groups;
  // `input.rows[3].name` → `rows.3.name`, the dotted form our own field errors use.
  const path = rawPath?.replace(/\[(\d+)\]/g, '.$1');
  const inside = path ? path.split('.').slice(1) : [];
  // A field left out of (or unknown to) an input object: name that field, not the object.
  const named = FIELD_IN_REASON.exec(reason)?.groups?.name;
  if (named) inside.push(named);
  const field = inside.join('.') || variable;
  let code: FieldErrorCode = 'INVALID_TYPE';
  if (/does not exist in ".*" enum/.test(reason)) {
    code = 'UNKNOWN_OPTION';
  } else if (/of required type .* was not provided|must not be null/.test(reason)) {
    code = 'REQUIRED';
  }
  // Name the rejected option when it is a short plain string (it is the
  // caller's own input, so echoing it reveals nothing).
  const option = /^"[^"]{1,40}"$/.test(value) ? value.slice(1, -1) : undefined;
  return validationError([fieldError(field, code, option === undefined ? {} : { option })]);
}
