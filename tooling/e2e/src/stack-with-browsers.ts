import { type LaunchedBrowser, launchBrowser } from './browser.ts';
import { type Stack, type StartStackOptions, startStack } from './stack.ts';

export type StackWithBrowsers<Name extends string = string> = {
  stack: Stack;
  browsers: Record<Name, LaunchedBrowser>;
  /** Closes the browsers (in the order they were named), then stops the stack. */
  close(): Promise<void>;
};

/**
 * A stack and the browsers a test names (each with its launch options, e.g. a phone's language),
 * started side by side: a test file's `beforeAll`, with `close` as its `afterAll`.
 */
export async function startStackWithBrowsers<Name extends string>(
  options: StartStackOptions,
  browsers: Record<Name, Parameters<typeof launchBrowser>[0]>,
): Promise<StackWithBrowsers<Name>> {
  const names = Object.keys(browsers) as Name[];
  const [stack, launched] = await Promise.all([
    startStack(options),
    Promise.all(names.map((name) => launchBrowser(browsers[name]))),
  ]);
  return {
    stack,
    browsers: Object.fromEntries(names.map((name, i) => [name, launched[i]!])) as Record<
      Name,
      LaunchedBrowser
    >,
    async close() {
      for (const browser of launched) await browser.close();
      await stack.stop();
    },
  };
}
