/** Typed errors mapped to HTTP by the one error handler in server.ts. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = '您访问的页面不存在或已被移除。') {
    super(404, 'not_found', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = '您没有权限执行此操作。') {
    super(403, 'forbidden', message);
  }
}

export class BadRequestError extends HttpError {
  constructor(message: string, fields: Record<string, string> = {}) {
    super(400, 'validation_error', message, fields);
  }
}

/** A business refusal (e.g. a transition that is not allowed): 409 with readable reasons. */
export class ConflictError extends HttpError {
  constructor(readonly reasons: string[]) {
    super(409, 'conflict', reasons.join('；'));
  }
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields: Record<string, string> };
}

export function apiError(code: string, message: string, fields: Record<string, string> = {}): ApiErrorBody {
  return { error: { code, message, fields } };
}
