import { describe, expect, it } from 'vitest';
import { failuresOf } from './vitest-report';

describe('failuresOf', () => {
  const counts = { numPassedTests: 1, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0 };

  it('names each failed test with the first line of its error, relative to the suite', () => {
    const lines = failuresOf(
      {
        ...counts,
        testResults: [
          {
            name: '/repo/tests/chaos/payments-crash.test.ts',
            assertionResults: [
              { status: 'passed', fullName: 'fine' },
              {
                status: 'failed',
                fullName: 'records a QRIS payment once',
                failureMessages: ['\n  AssertionError: expected 2 to be 1\n    at payments-crash.test.ts:71'],
              },
            ],
          },
        ],
      },
      '/repo/tests',
    );
    expect(lines).toEqual([
      'chaos/payments-crash.test.ts › records a QRIS payment once: AssertionError: expected 2 to be 1',
    ]);
  });

  it('reports a file that failed before any test ran (a beforeAll, an import)', () => {
    const lines = failuresOf(
      {
        ...counts,
        testResults: [
          { name: '/repo/tests/a.test.ts', message: 'Hook timed out in 180000ms', assertionResults: [] },
        ],
      },
      '/repo/tests',
    );
    expect(lines).toEqual(['a.test.ts: Hook timed out in 180000ms']);
  });

  it('says nothing when every test passed', () => {
    expect(
      failuresOf(
        {
          ...counts,
          testResults: [{ name: '/x/a.test.ts', assertionResults: [{ status: 'passed', fullName: 'a' }] }],
        },
        '/x',
      ),
    ).toEqual([]);
  });
});
