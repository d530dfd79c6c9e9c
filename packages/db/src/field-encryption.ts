// Field encryption at rest (issue 10): names, phone numbers, aliases, free text and questionnaire
// answers are stored encrypted, so a dump or a stolen backup shows none of them (the columns:
// ENCRYPTED_COLUMNS and answersSealed below). Envelope style with Node's crypto:
// - the master key (VI_MASTER_KEY, 32 bytes as 64 hex) never touches a row; it only wraps keys;
// - each organisation has data keys (AES-256-GCM), one per generation, the newest encrypts; the
//   rotation command (scripts/rotate-field-keys.ts) makes a new generation and re-encrypts;
// - each organisation has one lookup key (HMAC-SHA256) for columns compared for equality (the
//   import's duplicate check): it does not rotate, or stored hashes would stop matching;
// - the installation's own secrets (a user's TOTP secret, not an organisation's) use a key
//   derived from the master key, synchronously.
// Formats are versioned and compact (base64url, '.'-separated):
//   value:       v1.<key id>.<iv(12) | ciphertext | tag(16)>   the org id is authenticated data
//   wrapped key: w1.<master key id>.<iv(12) | ciphertext | tag(16)>
//   installation value: i1.<master key id>.<iv | ciphertext | tag>
//   lookup hash: base64url(HMAC-SHA256(lookup key, purpose + '\0' + value))
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { incidentDuplicateKey } from '@vi/domain';

/** Anything that can run raw SQL: a PrismaClient or a transaction client (so keys can be made inside a transaction). */
export interface RawQueryable {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

const VALUE_VERSION = 'v1';
const WRAP_VERSION = 'w1';
const INSTALLATION_VERSION = 'i1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The development default, for the embedded demo only: derived from a public phrase, so it
 * protects nothing. Production refuses to start without VI_MASTER_KEY (apps/gateway/src/config.ts).
 */
const DEMO_MASTER_KEY = createHash('sha256')
  .update('vi embedded demo master key: NOT SECRET, never for real data')
  .digest();

export class FieldEncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldEncryptionError';
  }
}

/** Problems with a VI_MASTER_KEY value (none when unset: the demo default applies). */
export function masterKeyProblems(raw: string | undefined): string[] {
  const value = raw?.trim();
  if (!value || /^[0-9a-f]{64}$/i.test(value)) return [];
  return ['VI_MASTER_KEY must be 64 hexadecimal characters (32 random bytes, e.g. `openssl rand -hex 32`).'];
}

interface MasterKey {
  id: string;
  key: Buffer;
}

function masterKeyOf(key: Buffer): MasterKey {
  // A short id of the key (not the key): wrapped keys say which master key wrapped them.
  const id = createHash('sha256').update('vi master key id\0').update(key).digest('hex').slice(0, 8);
  return { id, key };
}

function masterKeyFromEnv(env: NodeJS.ProcessEnv = process.env): MasterKey {
  const raw = env.VI_MASTER_KEY?.trim();
  const problems = masterKeyProblems(raw);
  if (problems.length > 0) throw new FieldEncryptionError(problems[0]!);
  return masterKeyOf(raw ? Buffer.from(raw, 'hex') : DEMO_MASTER_KEY);
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new FieldEncryptionError('Encrypted value is truncated.');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new FieldEncryptionError('Encrypted value does not authenticate (wrong key or altered).');
  }
}

/** Wraps a data key with a master key; the organisation and key id are bound in as authenticated data. */
export function wrapKey(master: MasterKey, keyId: string, organizationId: string, key: Buffer): string {
  return `${WRAP_VERSION}.${master.id}.${seal(master.key, key, `${WRAP_VERSION}.${keyId}.${organizationId}`)}`;
}

function unwrapKey(
  masters: readonly MasterKey[],
  keyId: string,
  organizationId: string,
  wrapped: string,
): Buffer {
  const [version, masterId, sealed] = wrapped.split('.');
  if (version !== WRAP_VERSION || !sealed)
    throw new FieldEncryptionError(`Key ${keyId} has an unknown format.`);
  const master = masters.find((m) => m.id === masterId);
  if (!master) {
    throw new FieldEncryptionError(
      `Key ${keyId} is wrapped by master key ${masterId}, which is not configured (VI_MASTER_KEY).`,
    );
  }
  return open(master.key, sealed, `${WRAP_VERSION}.${keyId}.${organizationId}`);
}

/** True for a value in the encrypted format (anything else in an encrypted column is plaintext from before issue 10). */
export function isEncryptedValue(value: string): boolean {
  return value.startsWith(`${VALUE_VERSION}.`);
}

/** The key id an encrypted value names, or null for plaintext. */
export function keyIdOf(value: string): string | null {
  if (!isEncryptedValue(value)) return null;
  return value.split('.')[1] ?? null;
}

interface DataKey {
  id: string;
  organizationId: string;
  generation: number;
  key: Buffer;
}

type Purpose = 'DATA' | 'LOOKUP';

interface KeyRow {
  id: string;
  organization_id: string;
  purpose: Purpose;
  generation: number;
  wrapped_key: string;
}

/**
 * The keys of one process, read from OrganizationKey and unwrapped once. Values carry their key
 * id, so a value written by another process after a rotation is found by reloading on a miss.
 */
export class FieldKeyring {
  private readonly byId = new Map<string, DataKey>();
  private readonly activeByOrg = new Map<string, DataKey>();
  private readonly lookupByOrg = new Map<string, Buffer>();
  /** The installation key derived from each master key: the current one seals, earlier ones still open. */
  private readonly installationKeys: Map<string, Buffer>;

  constructor(
    private readonly master: MasterKey,
    /** Earlier master keys that may still wrap some keys (VI_PREVIOUS_MASTER_KEY during a master rotation). */
    private readonly previousMasters: readonly MasterKey[] = [],
  ) {
    this.installationKeys = new Map(
      [master, ...previousMasters].map((m) => [
        m.id,
        Buffer.from(hkdfSync('sha256', m.key, Buffer.alloc(0), Buffer.from('vi installation secrets'), 32)),
      ]),
    );
  }

  get masterKeyId(): string {
    return this.master.id;
  }

  private remember(row: KeyRow): DataKey {
    const key = unwrapKey(
      [this.master, ...this.previousMasters],
      row.id,
      row.organization_id,
      row.wrapped_key,
    );
    const entry = { id: row.id, organizationId: row.organization_id, generation: row.generation, key };
    if (row.purpose === 'LOOKUP') {
      this.lookupByOrg.set(row.organization_id, key);
    } else {
      this.byId.set(row.id, entry);
      const active = this.activeByOrg.get(row.organization_id);
      if (!active || active.generation < row.generation) this.activeByOrg.set(row.organization_id, entry);
    }
    return entry;
  }

  private async load(db: RawQueryable, where: string, value: string): Promise<void> {
    const rows = await db.$queryRawUnsafe<KeyRow[]>(
      `SELECT id, "organizationId"::text AS organization_id, purpose, generation, "wrappedKey" AS wrapped_key
         FROM "OrganizationKey" WHERE ${where}`,
      value,
    );
    for (const row of rows) this.remember(row);
  }

  /**
   * Makes a key of the given purpose and generation unless it exists (two processes may race:
   * the unique index keeps one, and both then read it back).
   */
  private async create(db: RawQueryable, organizationId: string, purpose: Purpose, generation: number) {
    const id = randomBytes(8).toString('base64url');
    const wrapped = wrapKey(this.master, id, organizationId, randomBytes(32));
    await db.$queryRawUnsafe(
      `INSERT INTO "OrganizationKey" (id, "organizationId", purpose, generation, "wrappedKey")
       VALUES ($1, $2::uuid, $3, $4, $5)
       ON CONFLICT ("organizationId", purpose, generation) DO NOTHING`,
      id,
      organizationId,
      purpose,
      generation,
      wrapped,
    );
    await this.load(db, `"organizationId" = $1::uuid`, organizationId);
  }

  /** The key new values of the organisation are encrypted with (made on first use). */
  async activeKey(db: RawQueryable, organizationId: string): Promise<DataKey> {
    let key = this.activeByOrg.get(organizationId);
    if (key) return key;
    await this.load(db, `"organizationId" = $1::uuid`, organizationId);
    key = this.activeByOrg.get(organizationId);
    if (key) return key;
    await this.create(db, organizationId, 'DATA', 1);
    key = this.activeByOrg.get(organizationId);
    if (!key) throw new FieldEncryptionError(`No data key for organisation ${organizationId}.`);
    return key;
  }

  /** Starts a new generation of the organisation's data key; returns its id. Old generations stay to decrypt. */
  async rotate(db: RawQueryable, organizationId: string): Promise<string> {
    this.activeByOrg.delete(organizationId);
    await this.load(db, `"organizationId" = $1::uuid`, organizationId);
    const current = this.activeByOrg.get(organizationId)?.generation ?? 0;
    await this.create(db, organizationId, 'DATA', current + 1);
    return (await this.activeKey(db, organizationId)).id;
  }

  private async lookupKey(db: RawQueryable, organizationId: string): Promise<Buffer> {
    let key = this.lookupByOrg.get(organizationId);
    if (key) return key;
    await this.load(db, `"organizationId" = $1::uuid`, organizationId);
    key = this.lookupByOrg.get(organizationId);
    if (key) return key;
    await this.create(db, organizationId, 'LOOKUP', 1);
    key = this.lookupByOrg.get(organizationId);
    if (!key) throw new FieldEncryptionError(`No lookup key for organisation ${organizationId}.`);
    return key;
  }

  /** Encrypts one value with the organisation's active key; null stays null. */
  async encrypt(
    db: RawQueryable,
    organizationId: string,
    plaintext: string | null | undefined,
  ): Promise<string | null> {
    if (plaintext === null || plaintext === undefined) return null;
    const key = await this.activeKey(db, organizationId);
    const prefix = `${VALUE_VERSION}.${key.id}`;
    return `${prefix}.${seal(key.key, Buffer.from(plaintext, 'utf8'), `${prefix}.${organizationId}`)}`;
  }

  /** Encrypts many values of one organisation (one key lookup). */
  async encryptAll(
    db: RawQueryable,
    organizationId: string,
    values: readonly (string | null | undefined)[],
  ): Promise<(string | null)[]> {
    await this.activeKey(db, organizationId);
    return Promise.all(values.map((v) => this.encrypt(db, organizationId, v)));
  }

  /**
   * Decrypts a stored value. Plaintext written before issue 10 (no version prefix) is returned as
   * it is until the rotation command has encrypted it; an altered or foreign value throws.
   */
  async decrypt(db: RawQueryable, stored: string | null | undefined): Promise<string | null> {
    if (stored === null || stored === undefined) return null;
    if (!isEncryptedValue(stored)) return stored;
    const [version, keyId, sealed] = stored.split('.');
    if (!keyId || !sealed) throw new FieldEncryptionError('Encrypted value has an unknown format.');
    let key = this.byId.get(keyId);
    if (!key) {
      await this.load(db, 'id = $1', keyId);
      key = this.byId.get(keyId);
      if (!key) throw new FieldEncryptionError(`Unknown data key ${keyId}.`);
    }
    return open(key.key, sealed, `${version}.${keyId}.${key.organizationId}`).toString('utf8');
  }

  /** The keyed hash for equality lookups: same organisation, purpose and value give the same hash. */
  async lookupHash(
    db: RawQueryable,
    organizationId: string,
    purpose: string,
    value: string,
  ): Promise<string> {
    const key = await this.lookupKey(db, organizationId);
    return createHmac('sha256', key).update(`${purpose}\0${value}`, 'utf8').digest('base64url');
  }

  /** Encrypts an installation secret (not an organisation's), synchronously: a user's TOTP secret. */
  sealInstallationSecret(plaintext: string, context: string): string {
    const prefix = `${INSTALLATION_VERSION}.${this.master.id}`;
    const key = this.installationKeys.get(this.master.id)!;
    return `${prefix}.${seal(key, Buffer.from(plaintext, 'utf8'), `${prefix}.${context}`)}`;
  }

  /** Opens an installation secret; plaintext from before issue 10 is returned as it is. */
  openInstallationSecret(stored: string, context: string): string {
    if (!stored.startsWith(`${INSTALLATION_VERSION}.`)) return stored;
    const [version, masterId, sealed] = stored.split('.');
    const key = masterId === undefined ? undefined : this.installationKeys.get(masterId);
    if (!key || !sealed) {
      throw new FieldEncryptionError(`Secret sealed by master key ${masterId}, which is not configured.`);
    }
    return open(key, sealed, `${version}.${masterId}.${context}`).toString('utf8');
  }

  /** True when an installation secret is sealed by the current master key (else the rotation command re-seals it). */
  isSealedByCurrentMaster(stored: string): boolean {
    return stored.startsWith(`${INSTALLATION_VERSION}.${this.master.id}.`);
  }

  /**
   * Re-wraps every organisation key not wrapped by the current master key (after VI_MASTER_KEY
   * changed, with the old one as VI_PREVIOUS_MASTER_KEY). Returns how many were re-wrapped.
   */
  async rewrapKeys(db: RawQueryable): Promise<number> {
    const rows = await db.$queryRawUnsafe<KeyRow[]>(
      `SELECT id, "organizationId"::text AS organization_id, purpose, generation, "wrappedKey" AS wrapped_key
         FROM "OrganizationKey" WHERE split_part("wrappedKey", '.', 2) <> $1`,
      this.master.id,
    );
    for (const row of rows) {
      const key = unwrapKey(
        [this.master, ...this.previousMasters],
        row.id,
        row.organization_id,
        row.wrapped_key,
      );
      await db.$queryRawUnsafe(
        `UPDATE "OrganizationKey" SET "wrappedKey" = $2 WHERE id = $1 AND "wrappedKey" = $3`,
        row.id,
        wrapKey(this.master, row.id, row.organization_id, key),
        row.wrapped_key,
      );
    }
    return rows.length;
  }
}

/** A keyring for the given master key (64 hex) — tests and the rotation command; the application uses fieldKeyring(). */
export function createFieldKeyring(masterHex?: string, previousMasterHex?: string): FieldKeyring {
  const master = masterKeyFromEnv({ VI_MASTER_KEY: masterHex });
  const previous = previousMasterHex ? [masterKeyFromEnv({ VI_MASTER_KEY: previousMasterHex })] : [];
  return new FieldKeyring(master, previous);
}

let processKeyring: FieldKeyring | undefined;

/** The process's keyring, from VI_MASTER_KEY (and VI_PREVIOUS_MASTER_KEY while the master key is rotated). */
export function fieldKeyring(): FieldKeyring {
  processKeyring ??= createFieldKeyring(process.env.VI_MASTER_KEY, process.env.VI_PREVIOUS_MASTER_KEY);
  return processKeyring;
}

/** The purpose of PersonContact.contactLookup (the import's duplicate check). */
export const CONTACT_LOOKUP = 'contact';

/**
 * The import's duplicate token of a person's contact details (the domain's duplicate key without
 * the incident date: phone, else normalised name), or null when there is neither.
 */
export function contactToken(contact: { phone: string | null; name: string | null }): string | null {
  return incidentDuplicateKey({ occurredOn: '', phone: contact.phone, name: contact.name });
}

/** PersonContact.contactLookup for plaintext contact details: the keyed hash of contactToken(). */
export async function contactLookupOf(
  keyring: FieldKeyring,
  db: RawQueryable,
  organizationId: string,
  contact: { phone: string | null; name: string | null },
): Promise<string | null> {
  const token = contactToken(contact);
  return token === null ? null : keyring.lookupHash(db, organizationId, CONTACT_LOOKUP, token);
}

/** Every encrypted text column (each table has organizationId), for the rotation command and the dump test. */
export const ENCRYPTED_COLUMNS: readonly { table: string; key: string; column: string }[] = [
  { table: 'PersonContact', key: 'personId', column: 'name' },
  { table: 'PersonContact', key: 'personId', column: 'alias' },
  { table: 'PersonContact', key: 'personId', column: 'phone' },
  { table: 'PersonContact', key: 'personId', column: 'email' },
  { table: 'PersonContact', key: 'personId', column: 'caseReference' },
  { table: 'PersonContact', key: 'personId', column: 'reachNote' },
  { table: 'RiskAssessment', key: 'id', column: 'safetyPlan' },
  { table: 'RiskAssessment', key: 'id', column: 'otherSupport' },
  { table: 'OutreachCase', key: 'id', column: 'declineReasonText' },
  // The hate-crime motive from the police list (a code, as telling as text).
  { table: 'Incident', key: 'id', column: 'hateMotive' },
  { table: 'Enrolment', key: 'id', column: 'helpedOnToOther' },
  { table: 'HateCrimeAftercareCase', key: 'id', column: 'otherEntryText' },
  // A referral's handed-over text, under the RECEIVING organisation's key (its organizationId).
  { table: 'HateCrimeReferral', key: 'id', column: 'alias' },
  { table: 'HateCrimeReferral', key: 'id', column: 'phone' },
  { table: 'HateCrimeReferral', key: 'id', column: 'contactTimes' },
  { table: 'HateCrimeReferral', key: 'id', column: 'preferredLanguage' },
  { table: 'HateCrimeReferral', key: 'id', column: 'policeJournalNumber' },
  // The motive is special-category data (ethnicity, religion, sexual orientation …): a coded value
  // is as telling in a dump as free text.
  { table: 'HateCrimeReferral', key: 'id', column: 'hateMotive' },
  // The outreach user survey: the whole answers (plain codes stay in `answers`) and the contact a
  // person gave for a follow-up interview.
  { table: 'OutreachSurveyResponse', key: 'id', column: 'answersSealed' },
  { table: 'OutreachSurveyFollowUp', key: 'id', column: 'contact' },
];

/**
 * Questionnaire answers at rest: the whole form is encrypted (answersSealed), and the plain
 * `answers` column keeps only the coded answers the evaluation aggregates in SQL — the
 * registration's violence_status grid and the end form's course items (likert 1-5). Scores
 * (inspireOScore, inspireScore) and the registration's copied codes (gender, ageYears,
 * heardFrom, referredTo) are plain columns of their own. Free text never stays plain.
 */
const PLAIN_ANSWER_ITEMS: Record<'REGISTRATION' | 'BASELINE' | 'END', RegExp> = {
  REGISTRATION: /^violence_status$/,
  BASELINE: /^$/,
  END: /^course_\d+$/,
};

export function plainAnswerCodes(
  kind: 'REGISTRATION' | 'BASELINE' | 'END',
  answers: Record<string, unknown>,
): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [item, value] of Object.entries(answers)) {
    if (!PLAIN_ANSWER_ITEMS[kind].test(item)) continue;
    // Codes only: a number, or (the grid) an object of code strings.
    if (typeof value === 'number') plain[item] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const codes = Object.entries(value).filter(([, v]) => typeof v === 'string' && /^[A-Z_]+$/.test(v));
      plain[item] = Object.fromEntries(codes);
    }
  }
  return plain;
}

/** The two columns of a form's answers as stored. */
export async function sealAnswers(
  keyring: FieldKeyring,
  db: RawQueryable,
  organizationId: string,
  kind: 'REGISTRATION' | 'BASELINE' | 'END',
  answers: Record<string, unknown>,
): Promise<{ answers: Record<string, unknown>; answersSealed: string }> {
  const sealed = await keyring.encrypt(db, organizationId, JSON.stringify(answers));
  return { answers: plainAnswerCodes(kind, answers), answersSealed: sealed! };
}

/** The whole form back: the sealed copy, or (a row from before issue 10) the plain column. */
export async function openAnswers(
  keyring: FieldKeyring,
  db: RawQueryable,
  row: { answers: unknown; answersSealed: string | null },
): Promise<Record<string, unknown>> {
  if (row.answersSealed === null) return (row.answers ?? {}) as Record<string, unknown>;
  return JSON.parse((await keyring.decrypt(db, row.answersSealed))!) as Record<string, unknown>;
}
