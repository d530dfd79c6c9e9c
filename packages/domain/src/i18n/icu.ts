import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/**
 * What an ICU message holds, for checking a translation against its source: the values it needs
 * (`{name}`, and the variable of a plural) and, per plural, the categories it words. Parsing here
 * (domain) lets the gateway refuse a lead's broken override before it is stored, with the same
 * parser the participant page formats with.
 */
export type IcuShape = {
  readonly placeholders: ReadonlySet<string>;
  /** variable → the plural categories written out (`one`, `few`, `other`, `=0` …). */
  readonly plurals: ReadonlyMap<string, ReadonlySet<string>>;
};

export type IcuCheck = { ok: true; shape: IcuShape } | { ok: false; error: string };

function walk(
  elements: readonly MessageFormatElement[],
  placeholders: Set<string>,
  plurals: Map<string, Set<string>>,
) {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        placeholders.add(element.value);
        break;
      case TYPE.plural:
      case TYPE.select: {
        placeholders.add(element.value);
        if (element.type === TYPE.plural) {
          const categories = plurals.get(element.value) ?? new Set<string>();
          for (const category of Object.keys(element.options)) categories.add(category);
          plurals.set(element.value, categories);
        }
        for (const option of Object.values(element.options)) walk(option.value, placeholders, plurals);
        break;
      }
      case TYPE.tag:
        walk(element.children, placeholders, plurals);
        break;
      default:
        break;
    }
  }
}

/** Parses an ICU message; the error names what the parser found wrong (for the lead's field error). */
export function checkIcuMessage(message: string): IcuCheck {
  let elements: MessageFormatElement[];
  try {
    // Tags are not part of these texts: "<" is just a character to a participant.
    elements = parse(message, { ignoreTag: true });
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const placeholders = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  walk(elements, placeholders, plurals);
  return { ok: true, shape: { placeholders, plurals } };
}

/**
 * The plural categories a language needs (CLDR, through the runtime's Intl): Danish and English
 * `one`/`other`, Polish and Ukrainian `one`/`few`/`many`/`other`, Arabic all six.
 */
export function pluralCategoriesOf(locale: string): readonly string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** Whether two messages need the same values (a translation may not drop or invent a placeholder). */
export function samePlaceholders(a: IcuShape, b: IcuShape): boolean {
  return (
    a.placeholders.size === b.placeholders.size && [...a.placeholders].every((p) => b.placeholders.has(p))
  );
}
