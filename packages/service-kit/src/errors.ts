import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A business rule said no. `code` is AREA.REASON; the one error mapper turns it into HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: ContentfulStatusCode = 409,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 404);
  }
}

export interface FieldIssue {
  field: string;
  message: string;
}

/** Bad input: a 400 naming every field and why. */
export class ValidationError extends DomainError {
  constructor(
    readonly issues: FieldIssue[],
    message = `Invalid ${issues.map((i) => i.field).join(', ')}: ${issues.map((i) => i.message).join('; ')}`,
  ) {
    super('VALIDATION.FAILED', message, 400, { issues });
  }
}

export function issuesFromZod(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix?: string,
): FieldIssue[] {
  return issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}
