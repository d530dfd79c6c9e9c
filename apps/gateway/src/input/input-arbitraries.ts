// Test-only: fast-check values for any GraphQL input type, read from the schema,
// so a new mutation or input field is fuzzed without anyone writing a generator.
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** Real values from the seeded database, so some calls get past "not found" into the writes. */
export interface FuzzPool {
  /** A few ids of every table with a uuid id, by table name. */
  idsByTable: Readonly<Record<string, readonly string[]>>;
}

/** Which table an id argument points into, by its name (`caseId`, `leaderIds`, `id`). */
const ID_TABLES: Record<string, string> = {
  case: 'OutreachCase',
  leader: 'GroupLeader',
  session: 'CourseSession',
  id: 'Person',
};

function idsFor(name: string, pool: FuzzPool): readonly string[] {
  const stem = name.replace(/Ids?$/, '') || name;
  const table =
    ID_TABLES[stem] ?? Object.keys(pool.idsByTable).find((t) => t.toLowerCase() === stem.toLowerCase());
  const ids = table ? pool.idsByTable[table] : undefined;
  return ids && ids.length > 0 ? ids : Object.values(pool.idsByTable).flat();
}

/**
 * `plausible`: values the domain accepts now and then (real ids, dates, codes),
 * with a rare hostile text deep inside; `hostile`: anything, anywhere.
 */
export type FuzzMode = 'plausible' | 'hostile';

type Arb = fc.Arbitrary<unknown>;

/** Characters an attacker (or a broken export) sends: controls, bidi, surrogates, quotes, SQL and LIKE syntax. */
const HOSTILE_PIECES = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\t',
  '\n',
  '\r\n',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udfff',
  'a\u030a',
  '😀',
  '👩‍👧',
  "'",
  '"',
  '\\',
  '%',
  '_',
  ';',
  '--',
  '$1',
  '::uuid',
  '{}',
  '<script>',
  'Søren',
  'Ærø',
  'Å',
  ' ',
];

/** Values the domain understands, so a share of the calls succeed and write. */
const PLAUSIBLE_TEXT = [
  '',
  ' ',
  'Søren Ærø',
  'Anna',
  'Vold',
  'Trusler',
  'Røveri',
  'Hadforbrydelse',
  'offer',
  'vidne',
  'pårørende',
  'kvinde',
  'mand',
  'WOMAN',
  'MAN',
  'OTHER',
  'POLICE',
  'OTHER_SUPPORT',
  '22334455',
  '+45 22 33 44 55',
  '12345678',
  '42',
  '-1',
  '120',
  'x@y.dk',
  'demo-adgang',
  'P-ABCDEFGH',
  'Mødelokale 2',
];

const HUGE_TEXT = ['x'.repeat(30_000), 'ø'.repeat(15_000), `${'Søren '.repeat(4_000)}\u0000`];

function isoDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 86_400_000);
  return day.toISOString().slice(0, 10);
}

const dateText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -400, max: 10 }).map(isoDay) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: -40, max: 5 }).map((d) => isoDay(d).split('-').reverse().join('-')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01', '31-12-1899', 'i går'),
  },
);

const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_PIECES),
      fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));

function plausibleText(name: string): fc.Arbitrary<string> {
  if (/date$|On$|^on$|Dates$/.test(name)) return dateText;
  if (/phone/i.test(name))
    return fc.constantFrom('22334455', '+4522334455', '0045 2233 4455', '11223344', '123');
  return fc.constantFrom(...PLAUSIBLE_TEXT);
}

function textFor(name: string, mode: FuzzMode): fc.Arbitrary<string> {
  if (mode === 'plausible') {
    return fc.oneof({ weight: 25, arbitrary: plausibleText(name) }, { weight: 1, arbitrary: hostileText });
  }
  return fc.oneof(
    { weight: 6, arbitrary: plausibleText(name) },
    { weight: 4, arbitrary: hostileText },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_TEXT) },
  );
}

/** A JSON value of another kind than expected: the "wrong type" a hand-made request sends. */
const wrongType: Arb = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ $ne: null }),
  fc.string({ maxLength: 4 }),
);

const intValue: Arb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5, max: 130 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      -1,
      1,
      2_147_483_647,
      -2_147_483_648,
      2_147_483_648,
      1e15,
      -1e300,
      1.5,
      1900,
      2026,
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
);

const floatValue: Arb = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0.5, 1e308, -1e-308, 12_345.67),
);

const VIOLENCE_ROWS = [
  'PHYSICAL',
  'PSYCHOLOGICAL',
  'SEXUAL',
  'MATERIAL',
  'ECONOMIC',
  'DIGITAL',
  'STALKING',
  'HONOUR_RELATED',
  'OTHER',
];

/** Answers the domain accepts: a registration form, or a participant's INSPIRE form with a comment. */
const plausibleAnswers: Arb = fc.oneof(
  fc.record({
    gender: fc.constantFrom('WOMAN', 'MAN', 'OTHER'),
    age: fc.integer({ min: 15, max: 90 }),
    heard_from: fc.constantFrom(['POLICE'], ['OTHER']),
    violence_status: fc.constant(Object.fromEntries(VIOLENCE_ROWS.map((row) => [row, 'NOT_RELEVANT']))),
  }),
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 10, maxLength: 10 }),
      textFor('comment', 'plausible'),
    )
    .map(([scores, comment]) => ({
      ...Object.fromEntries(scores.slice(0, 5).map((v, i) => [`inspire_o_${i + 1}`, v])),
      ...Object.fromEntries(scores.slice(5).map((v, i) => [`inspire_${i + 1}`, v])),
      comment,
    })),
);

function scalarValue(name: string, typeName: string, pool: FuzzPool, mode: FuzzMode): Arb {
  const plausible = mode === 'plausible';
  switch (typeName) {
    case 'ID':
      return plausible
        ? fc.oneof(
            { weight: 9, arbitrary: fc.constantFrom(...idsFor(name, pool)) },
            { weight: 1, arbitrary: fc.uuid() },
          )
        : fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...idsFor(name, pool)) },
            { weight: 2, arbitrary: fc.uuid() },
            { weight: 3, arbitrary: hostileText },
            { weight: 1, arbitrary: fc.integer() },
          );
    case 'String':
      return textFor(name, mode);
    case 'Int':
      return plausible ? fc.integer({ min: 0, max: 120 }) : intValue;
    case 'Float':
      return plausible ? fc.double({ min: 0, max: 1e6, noNaN: true }) : floatValue;
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return plausible ? dateText : fc.oneof(dateText, hostileText);
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        dateText,
        hostileText,
      );
    default:
      // JSON scalars (QuestionnaireAnswers): plausible answers with hostile texts, or anything.
      return plausible
        ? plausibleAnswers
        : fc.oneof(
            { weight: 2, arbitrary: plausibleAnswers },
            {
              weight: 2,
              arbitrary: fc.record(
                { gender: fc.constantFrom('WOMAN', 'X'), age: intValue, comment: textFor('comment', mode) },
                { requiredKeys: [] },
              ),
            },
            {
              weight: 1,
              arbitrary: fc.dictionary(hostileText, fc.oneof(hostileText, intValue), { maxKeys: 3 }),
            },
            { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
          );
  }
}

/** A course's ten session dates, a week apart from a start near today. */
const weeklyDates: Arb = fc
  .integer({ min: -30, max: 60 })
  .map((start) => Array.from({ length: 10 }, (_, i) => isoDay(start + 7 * i)));

/** Lists the domain wants at a fixed length (ten sessions, ten module titles). */
const TEN = /^(sessionDates|modules)$/;

export function valueFor(
  type: GraphQLInputType,
  name: string,
  pool: FuzzPool,
  mode: FuzzMode,
  depth = 0,
): Arb {
  if (isNonNullType(type)) {
    const inner = nullableValueFor(type.ofType, name, pool, mode, depth);
    // Now and then leave a required value out: a VALIDATION naming it, never INTERNAL.
    return mode === 'plausible'
      ? inner
      : fc.oneof(
          { weight: 30, arbitrary: inner },
          { weight: 1, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: wrongType },
        );
  }
  const inner = nullableValueFor(type, name, pool, mode, depth);
  return mode === 'plausible'
    ? fc.oneof({ weight: 6, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) })
    : fc.oneof(
        { weight: 12, arbitrary: inner },
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: wrongType },
      );
}

function nullableValueFor(
  type: GraphQLInputType,
  name: string,
  pool: FuzzPool,
  mode: FuzzMode,
  depth: number,
): Arb {
  if (isNonNullType(type)) return valueFor(type, name, pool, mode, depth);
  if (isListType(type)) {
    if (mode === 'plausible' && name === 'sessionDates') return weeklyDates;
    const item = valueFor(type.ofType, name, pool, mode, depth + 1);
    const length = TEN.test(name) ? { minLength: 9, maxLength: 11 } : { maxLength: depth === 0 ? 6 : 3 };
    return mode === 'plausible'
      ? fc.array(
          item,
          TEN.test(name)
            ? { minLength: 10, maxLength: 10 }
            : name === 'leaderIds'
              ? { minLength: 1, maxLength: 3 }
              : length,
        )
      : fc.oneof({ weight: 8, arbitrary: fc.array(item, length) }, { weight: 1, arbitrary: item });
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(
      fields.map((f) => [f.name, valueFor(f.type, f.name, pool, mode, depth + 1)]),
    );
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return fc.record(model, { requiredKeys: required });
  }
  if (isEnumType(type)) {
    const values = fc.constantFrom(...type.getValues().map((v) => v.name));
    return mode === 'plausible'
      ? values
      : fc.oneof({ weight: 8, arbitrary: values }, { weight: 1, arbitrary: hostileText });
  }
  if (isScalarType(type)) return scalarValue(name, type.name, pool, mode);
  return fc.constant(null);
}

/** `mutation Fuzz($a: T, …) { field(a: $a, …) { __typename } }` for any root field. */
export function operationFor(kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${String(arg.type)}`);
  const call = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  const variables = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
  const args = call.length > 0 ? `(${call.join(', ')})` : '';
  return `${kind} Fuzz${variables} { ${field.name}${args}${selection} }`;
}

/** The variables of operationFor's operation: half the runs plausible, half hostile. */
export function variablesFor(
  field: GraphQLField<unknown, unknown>,
  pool: FuzzPool,
): fc.Arbitrary<Record<string, unknown>> {
  const inMode = (mode: FuzzMode) =>
    fc.record(
      Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type, arg.name, pool, mode)])),
      {
        requiredKeys:
          mode === 'plausible' ? field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name) : [],
      },
    );
  return fc.oneof(inMode('plausible'), inMode('hostile'));
}
