// Stable error codes → HTTP status. Clients branch on `code`, never on the message text.

export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  OVERLOADED: 503,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export interface ErrorIssue {
  path: string
  message: string
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly issues?: ErrorIssue[]
  readonly retryAfterSeconds?: number

  constructor(code: ErrorCode, message: string, opts: { issues?: ErrorIssue[]; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(message, { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.status = ERROR_CODES[code]
    this.issues = opts.issues
    this.retryAfterSeconds = opts.retryAfterSeconds
  }

  /** Whether a client may retry the same request later and expect a different outcome. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`)

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: ErrorIssue[]; requestId?: string }
}
