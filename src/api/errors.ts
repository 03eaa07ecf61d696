// One error handler: stable codes, field paths for validation, 5xx messages hidden from clients.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, type ErrorBody, type ErrorCode, type ErrorIssue } from '../errors.ts'

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
}

export function sendError(reply: FastifyReply, err: AppError): FastifyReply {
  if (err.retryAfterSeconds) reply.header('retry-after', String(err.retryAfterSeconds))
  const body: ErrorBody = {
    error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}), requestId: String(reply.request.id) },
  }
  return reply.status(err.status).send(body)
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues: ErrorIssue[] = err.validation.map((v) => ({
      path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].filter(Boolean).join('.'),
      message: v.message ?? 'invalid',
    }))
    return new AppError('VALIDATION_FAILED', 'request validation failed', { issues })
  }
  const fe = err as FastifyError
  if (fe?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe instanceof SyntaxError && fe.statusCode === 400)) {
    return new AppError('INVALID_JSON', `body is not valid JSON: ${fe.message}`)
  }
  const mapped = fe?.code ? FASTIFY_CODES[fe.code] : undefined
  if (mapped) return new AppError(mapped, fe.message)
  if (fe?.statusCode === 429) return new AppError('RATE_LIMITED', 'rate limit exceeded', { retryAfterSeconds: 60 })
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError('VALIDATION_FAILED', fe.message)
  return new AppError('INTERNAL', 'internal error', { cause: err })
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request: FastifyRequest, reply) => {
    const appErr = toAppError(err)
    if (appErr.status >= 500) {
      // Log the cause with the request context; never send internals to the client.
      request.log.error({ err, code: appErr.code }, 'request failed')
    } else {
      request.log.info({ code: appErr.code }, 'request rejected')
    }
    return sendError(reply, appErr)
  })
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new AppError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  )
}
