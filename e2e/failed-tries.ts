import { beforeEach } from 'vitest';

// A test that fails gets a second try (ADR 0033), and the reporter then shows only how the last one ended. Each
// failed try's errors are printed here as it ends, so a try that failed and one that passed both leave a trace.
beforeEach((context) => {
  context.onTestFailed(({ task }) => {
    // The message (with the call specs' records of both pages) and the spec's own frames, not the runner's.
    const errors = (task.result?.errors ?? []).map((error) =>
      [`${error.name ?? 'Error'}: ${error.message}`, ...(error.stack ?? '').split('\n').filter((line) => /^\s+at .*\/e2e\/(?!node_modules)/.test(line))].join(
        '\n',
      ),
    );
    // eslint-disable-next-line no-console -- the trace of a failed try is this file's whole point
    console.error(`\n✗ try ${(task.result?.retryCount ?? 0) + 1} of "${task.name}" failed:\n${errors.join('\n')}\n`);
  });
});
