/**
 * Idempotency keys (issue 10): a mutation sent with an `Idempotency-Key` header by a logged-in user
 * runs once. A retry with the same key gets the first answer again and creates nothing; a retry
 * that arrives while the first is still running waits for it, then gets CONFLICT. One Yoga plugin
 * does this for every mutation, so no resolver knows about it.
 *
 * What is stored (table "IdempotencyKey", migration 0312): the sha256 of the key, never the key, and
 * the answer encrypted (AES-256-GCM) with a key derived from the client's key. Answers hold names and
 * phone numbers; a database dump shows only ciphertext, and only the client that chose the key can
 * have the answer replayed.
 *
 * Exactly once, and where it stops: the key is reserved before the mutation runs and its answer is
 * stored after, in separate statements. When the outcome is unknown (the database went away while the
 * mutation ran, an unexpected error) the key stays reserved until it expires, and retries get
 * CONFLICT: a retry never runs a mutation that may already have been committed. Refusals that stop
 * a mutation before it writes (VALIDATION, FORBIDDEN, …) free the key, so a corrected retry can run.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { type ExecutionResult, getOperationAST, Kind, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from './context.ts';
import { database } from './database.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { ErrorCode, gatewayError, internalError } from './errors.ts';
import { logger } from './logger.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** A key can be used again (for anything) after this long. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a duplicate waits for the first request's answer before it gets CONFLICT. */
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 100;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Random enough to be a secret (it keys the stored answer's encryption): a UUID or longer. */
const KEY_FORMAT = /^[A-Za-z0-9_-]{22,128}$/;

/**
 * Mutations whose effect is on the session cookie, not in the answer: a replay could not repeat it,
 * so they always run. They create nothing a retry could duplicate.
 */
const SESSION_MUTATIONS = new Set([
  'login',
  'logout',
  'switchOrganization',
  'changePassword',
  'confirmTwoFactor',
  'disableTwoFactor',
]);

/**
 * Codes of refusals raised before a mutation writes anything (or inside its rolled-back
 * transaction): the key is freed so the corrected request can run. Any other error leaves the
 * outcome unknown and keeps the key reserved.
 */
const NOTHING_WRITTEN = new Set<string>([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.VALIDATION,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.NO_ORGANIZATION,
  ErrorCode.SECOND_FACTOR_REQUIRED,
  ErrorCode.SECOND_FACTOR_SETUP_REQUIRED,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.BAD_REQUEST,
]);

interface Secrets {
  /** sha256 of the key: the row's key column. */
  id: string;
  /** AES-256 key for the stored answer, derived from the client's key and the user. */
  cipherKey: Buffer;
}

function secretsFor(userId: string, key: string): Secrets {
  const cipherKey = Buffer.from(hkdfSync('sha256', key, userId, 'vi idempotency answer v1', 32));
  return { id: createHash('sha256').update(key).digest('hex'), cipherKey };
}

/** Of the operation and its variables, keyed like the answer: the same key with another request is refused. */
function requestHash(secrets: Secrets, operation: string, variables: unknown): string {
  return createHmac('sha256', secrets.cipherKey)
    .update(operation)
    .update('\0')
    .update(JSON.stringify(variables ?? {}))
    .digest('hex');
}

export function sealAnswer(cipherKey: Buffer, answer: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(
    '.',
  );
}

export function openAnswer(cipherKey: Buffer, sealed: string): unknown {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined)
    throw new Error('unknown idempotency answer format');
  const decipher = createDecipheriv('aes-256-gcm', cipherKey, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
    'utf8',
  );
  return JSON.parse(text);
}

type Row = { requestHash: string; response: { sealed: string } | null };

/**
 * Reserves the key, or takes it over when it has expired. Returns null when this request now holds
 * it, else the row another request holds.
 */
async function reserve(userId: string, secrets: Secrets, hash: string): Promise<Row | null> {
  const db = database();
  const expiresAt = new Date(Date.now() + IDEMPOTENCY_TTL_MS);
  const taken = await db.query(
    `INSERT INTO "IdempotencyKey" ("userId", "key", "requestHash", "expiresAt")
     VALUES ($1::uuid, $2, $3, $4)
     ON CONFLICT ("userId", "key") DO UPDATE
       SET "requestHash" = EXCLUDED."requestHash", "response" = NULL,
           "createdAt" = CURRENT_TIMESTAMP, "expiresAt" = EXCLUDED."expiresAt"
       WHERE "IdempotencyKey"."expiresAt" < CURRENT_TIMESTAMP
     RETURNING "key"`,
    [userId, secrets.id, hash, expiresAt],
  );
  if (taken.length > 0) return null;
  const [row] = await db.query<Row>(
    `SELECT "requestHash", "response" FROM "IdempotencyKey" WHERE "userId" = $1::uuid AND "key" = $2`,
    [userId, secrets.id],
  );
  // Deleted between the two statements (freed by a refusal): try once more.
  return row ?? reserve(userId, secrets, hash);
}

/** Polls until the first request's answer is stored; 'gone' when it was refused and freed the key. */
async function waitForAnswer(userId: string, secrets: Secrets): Promise<Row | 'gone' | null> {
  const until = Date.now() + WAIT_FOR_FIRST_MS;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const [row] = await database().query<Row>(
      `SELECT "requestHash", "response" FROM "IdempotencyKey" WHERE "userId" = $1::uuid AND "key" = $2`,
      [userId, secrets.id],
    );
    if (!row) return 'gone';
    if (row.response) return row;
  }
  return null;
}

let lastSweep = 0;

/** Removes expired keys; at most once an hour per process, after a request, never in its way. */
export async function deleteExpiredIdempotencyKeys(): Promise<number> {
  const rows = await database().query(
    `DELETE FROM "IdempotencyKey" WHERE "expiresAt" < CURRENT_TIMESTAMP RETURNING "key"`,
  );
  return rows.length;
}

function sweepNowAndThen(): void {
  if (Date.now() - lastSweep < SWEEP_INTERVAL_MS) return;
  lastSweep = Date.now();
  deleteExpiredIdempotencyKeys().catch((error: unknown) =>
    logger.warn({ err: error }, 'removing expired idempotency keys failed'),
  );
}

/** IN_PROGRESS also covers a first request whose outcome is unknown (see the top of this file). */
function conflict(reason: 'IN_PROGRESS' | 'KEY_REUSED') {
  const message =
    reason === 'KEY_REUSED'
      ? {
          da: 'Nøglen (Idempotency-Key) er allerede brugt til en anden forespørgsel.',
          en: 'This Idempotency-Key was already used for another request.',
        }
      : {
          da: 'Den samme ændring er allerede sendt og er ikke færdig. Genindlæs siden, og se om den blev gemt.',
          en: 'The same change was already sent and has not finished. Reload the page to see whether it was saved.',
        };
  return gatewayError(ErrorCode.CONFLICT, { message, extensions: { reason } });
}

function unavailableOr(error: unknown, requestId: string) {
  if (isDatabaseUnavailable(error)) return gatewayError(ErrorCode.UNAVAILABLE);
  logger.error({ requestId, err: error }, 'reserving the idempotency key failed');
  return internalError(requestId);
}

/** After auditAndErrorsPlugin in the plugin list: it sees the answer as the client will. */
export function idempotencyPlugin(): Plugin<GatewayContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      const key = context.request.headers.get(IDEMPOTENCY_HEADER);
      const operation = getOperationAST(args.document, args.operationName);
      if (key === null || operation?.operation !== 'mutation' || !context.user) return;
      const fields = operation.selectionSet.selections.flatMap((selection) =>
        selection.kind === Kind.FIELD ? [selection.name.value] : [],
      );
      if (fields.some((field) => SESSION_MUTATIONS.has(field))) return;
      if (!KEY_FORMAT.test(key)) {
        setResultAndStopExecution({
          data: null,
          errors: [
            gatewayError(ErrorCode.BAD_REQUEST, {
              message: {
                da: 'Idempotency-Key skal være 22-128 tegn (A-Z, a-z, 0-9, - og _), fx en UUID.',
                en: 'Idempotency-Key must be 22-128 characters (A-Z, a-z, 0-9, - and _), e.g. a UUID.',
              },
              extensions: { header: 'Idempotency-Key' },
            }),
          ],
        });
        return;
      }
      const userId = context.user.id;
      const secrets = secretsFor(userId, key);
      const hash = requestHash(secrets, print(operation), args.variableValues);
      let held: Row | null;
      try {
        held = await reserve(userId, secrets, hash);
        if (held && held.requestHash === hash && !held.response) {
          const waited = await waitForAnswer(userId, secrets);
          // Refused and freed while we waited: this request runs in its place.
          held = waited === 'gone' ? await reserve(userId, secrets, hash) : (waited ?? held);
        }
      } catch (error) {
        setResultAndStopExecution({ data: null, errors: [unavailableOr(error, context.requestId)] });
        return;
      }
      if (held) {
        if (held.requestHash !== hash) {
          setResultAndStopExecution({ data: null, errors: [conflict('KEY_REUSED')] });
        } else if (!held.response) {
          setResultAndStopExecution({ data: null, errors: [conflict('IN_PROGRESS')] });
        } else {
          const answer = openAnswer(secrets.cipherKey, held.response.sealed) as ExecutionResult;
          setResultAndStopExecution({
            ...answer,
            extensions: { ...answer.extensions, idempotentReplay: true },
          });
        }
        return;
      }
      sweepNowAndThen();
      return {
        async onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          const answer = result as ExecutionResult;
          const codes = (answer.errors ?? []).map((error) => String(error.extensions?.code ?? ''));
          try {
            if (codes.length === 0) {
              await database().query(
                `UPDATE "IdempotencyKey" SET "response" = $3::jsonb WHERE "userId" = $1::uuid AND "key" = $2`,
                [
                  userId,
                  secrets.id,
                  JSON.stringify({ sealed: sealAnswer(secrets.cipherKey, { data: answer.data }) }),
                ],
              );
            } else if (codes.every((code) => NOTHING_WRITTEN.has(code))) {
              await database().query(
                `DELETE FROM "IdempotencyKey" WHERE "userId" = $1::uuid AND "key" = $2`,
                [userId, secrets.id],
              );
            } else {
              logger.warn(
                { requestId: context.requestId, codes },
                'mutation outcome unknown: its idempotency key stays reserved until it expires',
              );
            }
          } catch (error) {
            // The mutation's own answer still goes out; a retry will find the key reserved.
            logger.error(
              { requestId: context.requestId, err: error },
              'storing the idempotent answer failed',
            );
          }
        },
      };
    },
  };
}
