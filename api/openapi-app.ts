import type { Duplex } from 'node:stream';
import { serve, type ServerType } from '@hono/node-server';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../common/json.ts';
import type { Logger } from '../common/log.ts';
import type { ApiEnv } from './auth.ts';
import { errorBody, onError } from './errors.ts';

/** Largest request body: a definition may be 256 KiB of JSON, YAML a little more. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * An empty Caroni API app, shared by the manager's and the agent's APIs:
 * invalid requests answer 400 `invalid_request` listing each bad field,
 * errors map to JSON in one place (`onError`), an unknown route answers 404
 * `route_not_found`, a `/v1` body over 1 MiB answers 413 and a JSON body
 * nested deeper than {@link MAX_JSON_DEPTH} answers 400 `too_deep`.
 */
export function createOpenApiApp(log: Logger): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(body)',
        message: issue.message,
      }));
      return c.json(
        errorBody(
          'invalid_request',
          `invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        ),
        400,
      );
    },
  });
  app.onError(onError(log));
  app.notFound((c) =>
    c.json(errorBody('route_not_found', `no route for ${c.req.method} ${c.req.path}`), 404),
  );
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json(
          errorBody('body_too_large', `the request body is over ${MAX_BODY_BYTES} bytes`),
          413,
        ),
    }),
  );
  app.use('/v1/*', async (c, next) => {
    if (!/json/i.test(c.req.header('content-type') ?? '')) return next();
    let body: unknown;
    try {
      // The text is cached: the route's validator parses the same bytes (and meets the same syntax error).
      body = await c.req.json();
    } catch (error) {
      if (error instanceof SyntaxError) return next();
      throw error;
    }
    if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
      return c.json(
        errorBody(
          'too_deep',
          `the JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep: flatten it`,
        ),
        400,
      );
    }
    return next();
  });
  return app;
}

/** A running HTTP server of an app. */
export interface Listening {
  /** The port it listens on (the one picked when 0 was asked for). */
  port: number;
  /** Stops accepting connections and resolves once open ones have closed. */
  close(): Promise<void>;
}

/** Serves `app` on `hostname:port` (0 picks a free port). @throws when the port cannot be bound. */
export async function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  { port, hostname }: { port: number; hostname: string },
): Promise<Listening> {
  const { server, bound } = await new Promise<{ server: ServerType; bound: number }>(
    (resolve, reject) => {
      const server = serve({ fetch: app.fetch, port, hostname }, (info) =>
        resolve({ server, bound: info.port }),
      );
      server.once('error', reject);
      server.on('clientError', answerClientError);
    },
  );
  return {
    port: bound,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Node answers HTTP it cannot parse with a bare status line; clients of this
 * API get a JSON error for every answer, so this writes one before closing.
 * Request lines and headers past Node's 16 KiB limit answer 431, anything
 * else unparseable 400.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, body] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Request Header Fields Too Large',
          errorBody(
            'headers_too_large',
            'the request line and headers exceed 16 KiB: shorten the URL or the headers',
          ),
        ]
      : [
          400,
          'Bad Request',
          errorBody('bad_http', `the request is not valid HTTP/1.1: ${error.message}`),
        ];
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
