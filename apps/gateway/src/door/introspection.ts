/**
 * Introspection (`__schema`, `__type`) only for logged-in evaluators, whose GraphiQL documents the
 * evaluation from the schema, unless it is open to everyone (development). The session is looked up
 * only for a document that mentions an introspection field.
 */
import { type ASTVisitor, getNamedType, isIntrospectionType, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import { doorError } from './door-errors.ts';
import { isEvaluatorRequest } from './evaluator.ts';

/** `__schema` or `__type`, not `__typename` (which every app document asks for). */
const MENTIONS_INTROSPECTION = /__(?:schema|type)(?![_0-9A-Za-z])/;

function IntrospectionRefusedRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      const type = context.getType();
      if (type && isIntrospectionType(getNamedType(type))) {
        context.reportError(doorError(ErrorCode.INTROSPECTION_DISABLED, 403, { field: node.name.value }));
      }
    },
  };
}

export function introspectionPlugin(options: { allowed: 'everyone' | 'evaluators' }): Plugin {
  const refused = new WeakSet<Request>();
  return {
    async onParams({ request, params }) {
      if (options.allowed === 'everyone') return;
      if (typeof params.query !== 'string' || !MENTIONS_INTROSPECTION.test(params.query)) return;
      if (!(await isEvaluatorRequest(request))) refused.add(request);
    },
    onValidate({ context, addValidationRule }) {
      const request = (context as { request?: Request }).request;
      if (request && refused.has(request)) addValidationRule(IntrospectionRefusedRule);
    },
  };
}
