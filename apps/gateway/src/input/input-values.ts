import { checkTextInput, type FieldErrorCode } from '@vi/domain';
import {
  type GraphQLInputType,
  type GraphQLScalarType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type StringValueNode,
  type ValueNode,
} from 'graphql';
import { isUuid } from '../ids.ts';
import { isSecretInput, MULTILINE_JSON_SCALARS, MULTILINE_TEXT_FIELDS } from './text-fields.ts';

/**
 * The checks on one input value, by its GraphQL type: every ID must be a uuid
 * (all our ids are PostgreSQL uuids), every text passes @vi/domain's
 * checkTextInput and is replaced by its NFC form. The same rules walk a JSON
 * variable value (walkValue) and a literal in the document (walkLiteral), so
 * `claimCase(caseId: "x")` and `claimCase(caseId: $id)` are refused alike.
 */

export type InputPath = readonly (string | number)[];

export interface InputProblem {
  path: InputPath;
  code: FieldErrorCode;
}

/** Where a scalar sits: the schema coordinate and the name of its field or argument. */
export interface InputSite {
  coordinate: string;
  name: string;
}

type ScalarRule =
  | { kind: 'id' }
  | { kind: 'text'; multiline: boolean }
  | { kind: 'json'; multiline: boolean }
  | { kind: 'none' };

const NUMBERS_AND_FLAGS = new Set(['Int', 'Float', 'Boolean']);

function ruleFor(type: GraphQLScalarType, site: InputSite): ScalarRule {
  if (type.name === 'ID') return { kind: 'id' };
  if (NUMBERS_AND_FLAGS.has(type.name)) return { kind: 'none' };
  if (type.name === 'String') {
    return isSecretInput(site.name)
      ? { kind: 'none' }
      : { kind: 'text', multiline: MULTILINE_TEXT_FIELDS.has(site.coordinate) };
  }
  // Custom scalars (Date, DateTime, QuestionnaireAnswers): every string inside them.
  return { kind: 'json', multiline: MULTILINE_JSON_SCALARS.has(type.name) };
}

/** The problems found and, for texts, their normalised form. */
export class InputFindings {
  readonly problems: InputProblem[] = [];
  /** Literal strings whose NFC form differs, to be rewritten in the document. */
  readonly literalReplacements = new Map<StringValueNode, string>();

  report(path: InputPath, code: FieldErrorCode): void {
    this.problems.push({ path, code });
  }

  text(value: string, multiline: boolean, path: InputPath): string {
    const check = checkTextInput(value, { multiline });
    if (!check.ok) {
      this.report(path, check.code);
      return value;
    }
    return check.value;
  }
}

function walkJson(value: unknown, multiline: boolean, path: InputPath, findings: InputFindings): unknown {
  if (typeof value === 'string') return findings.text(value, multiline, path);
  if (Array.isArray(value))
    return value.map((item, index) => walkJson(item, multiline, [...path, index], findings));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // Keys are item ids: checked (jsonb refuses a NUL), never rewritten.
      findings.text(key, false, [...path, key]);
      out[key] = walkJson(item, multiline, [...path, key], findings);
    }
    return out;
  }
  return value;
}

/**
 * A variable's JSON value, already known to coerce to `type`. Returns the
 * value with every text in NFC.
 */
export function walkValue(
  value: unknown,
  type: GraphQLInputType,
  path: InputPath,
  site: InputSite,
  findings: InputFindings,
): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return walkValue(value, type.ofType, path, site, findings);
  if (isListType(type)) {
    // A single value where a list is expected is coerced to a list of one.
    return Array.isArray(value)
      ? value.map((item, index) => walkValue(item, type.ofType, [...path, index], site, findings))
      : walkValue(value, type.ofType, path, site, findings);
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return value;
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of Object.values(type.getFields())) {
      if (!(field.name in out)) continue;
      const fieldSite = { coordinate: `${type.name}.${field.name}`, name: field.name };
      out[field.name] = walkValue(out[field.name], field.type, [...path, field.name], fieldSite, findings);
    }
    return out;
  }
  if (isEnumType(type)) return value;
  const rule = ruleFor(type, site);
  switch (rule.kind) {
    case 'id':
      if (!(typeof value === 'string' && isUuid(value))) findings.report(path, 'INVALID_ID');
      return value;
    case 'text':
      return typeof value === 'string' ? findings.text(value, rule.multiline, path) : value;
    case 'json':
      return walkJson(value, rule.multiline, path, findings);
    default:
      return value;
  }
}

/** A variable met inside a literal: where it sits, so its problems name the argument's field. */
export interface VariableUse {
  path: InputPath;
  site: InputSite;
}

function walkJsonLiteral(
  node: ValueNode,
  multiline: boolean,
  path: InputPath,
  findings: InputFindings,
): void {
  if (node.kind === Kind.STRING) {
    const value = findings.text(node.value, multiline, path);
    if (value !== node.value) findings.literalReplacements.set(node, value);
  } else if (node.kind === Kind.LIST) {
    for (const [index, item] of node.values.entries())
      walkJsonLiteral(item, multiline, [...path, index], findings);
  } else if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) {
      findings.text(field.name.value, false, [...path, field.name.value]);
      walkJsonLiteral(field.value, multiline, [...path, field.name.value], findings);
    }
  }
}

/**
 * A literal in the document, by the type of the position it fills. Variables
 * inside it are handed to `onVariable` with their position.
 */
export function walkLiteral(
  node: ValueNode,
  type: GraphQLInputType,
  path: InputPath,
  site: InputSite,
  findings: InputFindings,
  onVariable: (name: string, use: VariableUse) => void,
): void {
  if (node.kind === Kind.VARIABLE) {
    onVariable(node.name.value, { path, site });
    return;
  }
  if (node.kind === Kind.NULL) return;
  if (isNonNullType(type)) {
    walkLiteral(node, type.ofType, path, site, findings, onVariable);
    return;
  }
  if (isListType(type)) {
    if (node.kind === Kind.LIST) {
      for (const [index, item] of node.values.entries()) {
        walkLiteral(item, type.ofType, [...path, index], site, findings, onVariable);
      }
    } else {
      walkLiteral(node, type.ofType, path, site, findings, onVariable);
    }
    return;
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = type.getFields();
    for (const fieldNode of node.fields) {
      const field = fields[fieldNode.name.value];
      if (!field) continue;
      const fieldSite = { coordinate: `${type.name}.${field.name}`, name: field.name };
      walkLiteral(fieldNode.value, field.type, [...path, field.name], fieldSite, findings, onVariable);
    }
    return;
  }
  if (isEnumType(type)) return;
  const rule = ruleFor(type, site);
  if (rule.kind === 'id') {
    if (!(node.kind === Kind.STRING && isUuid(node.value))) findings.report(path, 'INVALID_ID');
  } else if (rule.kind === 'text') {
    if (node.kind === Kind.STRING) walkJsonLiteral(node, rule.multiline, path, findings);
  } else if (rule.kind === 'json') {
    walkJsonLiteral(node, rule.multiline, path, findings);
  }
}
