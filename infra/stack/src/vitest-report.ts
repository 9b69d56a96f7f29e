/** The parts of vitest's JSON report (`--reporter=json`) the test runner reads. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults?: {
    name: string;
    message?: string;
    assertionResults?: { status: string; fullName: string; failureMessages?: string[] }[];
  }[];
}

/** What failed, one line each, from vitest's JSON report (CI shows only the end of the log). */
export function failuresOf(report: VitestReport, cwd: string): string[] {
  const firstLine = (m: string | undefined) =>
    (m ?? '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0)
      ?.slice(0, 300) ?? '';
  const out: string[] = [];
  for (const file of report.testResults ?? []) {
    const rel = file.name.startsWith(`${cwd}/`) ? file.name.slice(cwd.length + 1) : file.name;
    const failed = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failed) out.push(`${rel} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
    if (failed.length === 0 && file.message) out.push(`${rel}: ${firstLine(file.message)}`);
  }
  return out;
}
