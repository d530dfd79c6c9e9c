/**
 * A ceiling on one operation's execution. Yoga's executor stops between fields when its signal
 * aborts, so the answer is a TIMEOUT at the deadline; a statement already running in PostgreSQL is
 * ended by statement_timeout (@vi/db), which PGlite cannot enforce.
 *
 * One AbortController and one timer per operation, both released when the operation ends.
 * `AbortSignal.timeout()` and `AbortSignal.any()` would be shorter, but their timers outlive the
 * request (each fires `ms` later and builds a TimeoutError nobody reads) and their signals are
 * transferable objects: measured at about a tenth of a small request's CPU under load.
 */
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.ts';
import { doorError } from './door-errors.ts';

export function executionTimeoutPlugin(options: { ms: number }): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const controller = new AbortController();
      let timedOut = false;
      const timeOut = () => {
        timedOut = true;
        controller.abort(new DOMException('The operation ran out of time.', 'TimeoutError'));
      };
      // 0 or less: no time at all (the executor stops before the first field).
      const timer = options.ms > 0 ? setTimeout(timeOut, options.ms) : undefined;
      if (!timer) timeOut();
      // A client that goes away stops the execution too.
      const request = (args.contextValue as { request?: Request }).request;
      const requestSignal = request?.signal;
      const clientGone = () => controller.abort(requestSignal?.reason);
      if (requestSignal?.aborted) clientGone();
      else requestSignal?.addEventListener('abort', clientGone, { once: true });
      // @graphql-tools/executor (Yoga's) reads args.signal; envelop's typing lacks it.
      (args as { signal?: AbortSignal }).signal = controller.signal;
      setExecuteFn(async (executionArgs) => {
        try {
          return (await executeFn(executionArgs)) as ExecutionResult;
        } catch (error) {
          if (timedOut) {
            return { data: null, errors: [doorError(ErrorCode.TIMEOUT, 503, { ms: options.ms })] };
          }
          throw error;
        } finally {
          clearTimeout(timer);
          requestSignal?.removeEventListener('abort', clientGone);
        }
      });
    },
  };
}
