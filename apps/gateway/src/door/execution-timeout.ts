/**
 * A ceiling on one operation's execution. Yoga's executor stops between fields when its signal
 * aborts, so the answer is a TIMEOUT at the deadline; a statement already running in PostgreSQL is
 * ended by statement_timeout (@vi/db), which PGlite cannot enforce.
 */
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import { doorError } from './door-errors.ts';

export function executionTimeoutPlugin(options: { ms: number }): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      // 0 or less: no time at all (the executor stops before the first field).
      const deadline =
        options.ms > 0
          ? AbortSignal.timeout(options.ms)
          : AbortSignal.abort(new DOMException('The operation has no time left.', 'TimeoutError'));
      const request = (args.contextValue as { request?: Request }).request;
      const signal = request?.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
      // @graphql-tools/executor (Yoga's) reads args.signal; envelop's typing lacks it.
      (args as { signal?: AbortSignal }).signal = signal;
      setExecuteFn(async (executionArgs) => {
        try {
          return (await executeFn(executionArgs)) as ExecutionResult;
        } catch (error) {
          if (deadline.aborted) {
            return { data: null, errors: [doorError(ErrorCode.TIMEOUT, 503, { ms: options.ms })] };
          }
          throw error;
        }
      });
    },
  };
}
