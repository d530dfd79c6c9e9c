import { fieldError } from '@vi/domain';
import {
  type DocumentNode,
  type GraphQLSchema,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInputObjectType,
  isInputType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { validationError } from '../errors.ts';
import {
  InputFindings,
  type InputPath,
  type InputProblem,
  type VariableUse,
  walkLiteral,
  walkValue,
} from './input-values.ts';

/** More field errors than this help nobody (a 10,000-row list with a bad byte in each row). */
const MAX_REPORTED = 100;

export interface InspectedOperation {
  findings: InputFindings;
  /** The document with its literal texts in NFC (the same object when nothing changed). */
  document: DocumentNode;
  /** The variables with their texts in NFC. */
  variables: Record<string, unknown>;
}

/** What the literals of one operation give: the same for every request that sends its document. */
interface LiteralInspection {
  schema: GraphQLSchema;
  document: DocumentNode;
  problems: readonly InputProblem[];
  /** The document with its literal texts in NFC (the same object when nothing changed). */
  checkedDocument: DocumentNode;
  /** Where each variable is first used, to name it in a problem. */
  uses: ReadonlyMap<string, VariableUse>;
}

/**
 * Yoga's parser cache hands every request with the same query text the same document, so the walk
 * over its literals is kept with its operation node (a quarter of a small request's time in the
 * gateway when done per request); only the variables are walked per request.
 */
const literalInspections = new WeakMap<OperationDefinitionNode, LiteralInspection>();

function inspectLiterals(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): LiteralInspection {
  const cached = literalInspections.get(operation);
  if (cached && cached.schema === schema && cached.document === document) return cached;
  const findings = new InputFindings();
  const uses = new Map<string, VariableUse>();
  const onVariable = (name: string, use: VariableUse) => {
    if (!uses.has(name)) uses.set(name, use);
  };
  const definitions = document.definitions.filter(
    (definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  for (const definition of definitions) {
    const typeInfo = new TypeInfo(schema);
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const argument = typeInfo.getArgument();
          if (!argument) return false;
          const directive = typeInfo.getDirective();
          const coordinate = directive
            ? `@${directive.name}(${argument.name})`
            : `${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}(${argument.name})`;
          const base: InputPath = isInputObjectType(getNullableType(argument.type)) ? [] : [argument.name];
          walkLiteral(
            node.value,
            argument.type,
            base,
            { coordinate, name: argument.name },
            findings,
            onVariable,
          );
          return false;
        },
      }),
    );
  }
  let checkedDocument = document;
  if (findings.literalReplacements.size > 0) {
    checkedDocument = visit(document, {
      StringValue(node) {
        const value = findings.literalReplacements.get(node);
        return value === undefined ? undefined : { ...node, value, block: false };
      },
    });
  }
  const inspection = { schema, document, problems: findings.problems, checkedDocument, uses };
  literalInspections.set(operation, inspection);
  return inspection;
}

/**
 * Checks every argument of `operation` (and of the fragments it may spread),
 * literal or variable, against the input rules (input-values.ts). A problem's
 * path starts at the argument, without the argument's name when it is an
 * input object (`name`, `rows.17.phone`, `caseId`), like the resolvers' own
 * field errors. A variable is named by where it is used.
 */
export function inspectOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): InspectedOperation {
  const literals = inspectLiterals(schema, document, operation);
  const findings = new InputFindings();
  findings.problems.push(...literals.problems);
  const checkedVariables: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue;
    const use = literals.uses.get(name) ?? { path: [name], site: { coordinate: `$${name}`, name } };
    if (Object.hasOwn(variables, name)) {
      checkedVariables[name] = walkValue(variables[name], type, use.path, use.site, findings);
    } else if (definition.defaultValue) {
      walkLiteral(definition.defaultValue, type, use.path, use.site, findings, () => {});
    }
  }
  return { findings, document: literals.checkedDocument, variables: checkedVariables };
}

/**
 * Hostile input stops at the door, before any resolver or SQL: ids that are
 * not uuids, texts with NUL, control or bidi characters (a VALIDATION error
 * naming each field), and every text reaches the resolvers in NFC. Wrongly
 * typed or missing variables are left to the executor, whose errors
 * errors.ts turns into VALIDATION naming the variable.
 */
export function hostileInputPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const coercion = getVariableValues(args.schema, operation.variableDefinitions ?? [], variables, {
        maxErrors: 1,
      });
      if (coercion.errors) return;
      const inspected = inspectOperation(args.schema, args.document, operation, variables);
      const { problems } = inspected.findings;
      if (problems.length > 0) {
        setResultAndStopExecution({
          errors: [
            validationError(
              problems
                .slice(0, MAX_REPORTED)
                .map((problem) => fieldError(problem.path.join('.'), problem.code)),
            ),
          ],
        });
        return;
      }
      args.document = inspected.document;
      args.variableValues = inspected.variables;
    },
  };
}
