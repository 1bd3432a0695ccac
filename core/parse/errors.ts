import type { ParseIssue } from '../types';

/** Thrown when a release cannot be parsed; carries every problem found, each with file and line. */
export class ReleaseParseError extends Error {
  readonly issues: ParseIssue[];
  constructor(issues: ParseIssue[]) {
    super(issues.map((i) => `${i.file}:${i.line}: ${i.reason}`).join('\n'));
    this.name = 'ReleaseParseError';
    this.issues = issues;
  }
}
