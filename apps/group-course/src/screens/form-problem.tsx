import { describeRequestProblem, type RequestProblem, useProblemText } from '@vi/ui';
import type { CombinedError } from 'urql';

/** The request problem of a mutation result, or null. */
export function problemOf(error: CombinedError | undefined): RequestProblem | null {
  return error ? describeRequestProblem(error) : null;
}

/** A live region announcing a failed request (or nothing); field errors are shown at their fields. */
export function ProblemAlert({ problem }: { problem: RequestProblem | null }) {
  const problemText = useProblemText();
  return (
    <p className="vi-form-message" role="alert">
      {problem ? problemText(problem) : null}
    </p>
  );
}

/** A polite live region for "saved" messages. */
export function StatusMessage({ text }: { text: string | null }) {
  return (
    <p className="gc-status" role="status">
      {text}
    </p>
  );
}
