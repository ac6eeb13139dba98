import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import postgres from 'postgres';
import type { Logger } from '../common/log.ts';
import { InvalidDocumentError } from './definitions.ts';
import { CaroniError, ConflictError, NotFoundError } from '../common/errors.ts';

/** The one error body of the API: a stable code and a message that says what to fix. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export function errorBody(
  code: string,
  message: string,
  issues?: ErrorBody['error']['issues'],
): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

const CLIENT_ERRORS = new Set([
  'definition_syntax',
  'invalid_public_key',
  'invalid_cursor',
  'invalid_schedule',
]);

function statusOf(error: CaroniError): ContentfulStatusCode {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof InvalidDocumentError) return 400;
  // Problems with what the client sent, each with its own code.
  if (CLIENT_ERRORS.has(error.code)) return 400;
  if (error.code === 'unsupported_media_type') return 415;
  return 500;
}

/**
 * SQLSTATEs of text PostgreSQL cannot hold: a NUL character in `text`
 * (22021) or in `jsonb` (22P05). JSON and URLs can carry one, and nothing
 * but what a client sent reaches a query with it, so it is the client's error.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/** Maps every error to a JSON response, in one place. */
export function onError(log: Logger) {
  return function handleError(error: Error, c: Context) {
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      if (status === 415) {
        return c.json(
          errorBody(
            'unsupported_media_type',
            `${error.message}: send application/json (definitions also take application/yaml)`,
          ),
          status,
        );
      }
      return c.json(errorBody('bad_request', error.message), status);
    }
    if (error instanceof CaroniError) {
      const status = statusOf(error);
      if (status >= 500) log.error({ err: error }, 'request failed');
      const issues = error instanceof InvalidDocumentError ? error.issues : undefined;
      return c.json(errorBody(error.code, error.message, issues), status);
    }
    if (error instanceof postgres.PostgresError && UNSTORABLE_TEXT.has(error.code)) {
      return c.json(
        errorBody('invalid_text', 'text cannot contain a NUL character (\\u0000): remove it'),
        400,
      );
    }
    log.error({ err: error }, 'request failed');
    return c.json(errorBody('internal', 'internal error; the server log has the details'), 500);
  };
}
