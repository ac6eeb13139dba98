import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CaroniError } from '../common/errors.ts';

/** Where `caroni dev` leaves the tokens it made, so the CLI on the same machine can use them. */
export function devTokensFile(dataDir: string): string {
  return path.join(dataDir, 'dev-tokens.json');
}

export interface DevTokens {
  admin: string;
  site: string;
}

/**
 * The token to send: `--token`, else `CARONI_TOKEN`, else the one `caroni dev`
 * wrote under the data directory (`admin` for admin commands, `site` for the rest).
 *
 * @throws CaroniError `token_missing` saying where a token comes from.
 */
export async function resolveToken(
  explicit: string | undefined,
  dataDir: string,
  kind: keyof DevTokens,
): Promise<string> {
  if (explicit) return explicit;
  try {
    const tokens = JSON.parse(await readFile(devTokensFile(dataDir), 'utf8')) as Partial<DevTokens>;
    const token = tokens[kind];
    if (token) return token;
  } catch {
    // No dev federation on this machine: fall through to the message below.
  }
  throw new CaroniError(
    'token_missing',
    `no API token: pass --token or set CARONI_TOKEN (${kind === 'admin' ? 'an admin' : 'a submitter or admin'} token; \`caroni dev\` prints its tokens)`,
  );
}

/** A manager's or an agent's API over HTTP, as the CLI uses it: JSON in, JSON out, errors as CaroniError. */
export class ApiClient {
  /** `urlOption`: the CLI option that points at this API, named when it cannot be reached. */
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly urlOption = '--api',
  ) {}

  /**
   * @throws CaroniError with the API's error code and message, or
   *   `api_unreachable` saying what to start.
   */
  async request<T>(
    method: string,
    route: string,
    body?: { json: unknown } | { text: string; contentType: string },
  ): Promise<T> {
    const response = await this.fetch(method, route, body);
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new CaroniError(
        'api_error',
        `HTTP ${response.status} from ${route}: ${text.slice(0, 200)}`,
      );
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new CaroniError(
        error?.code ?? 'api_error',
        error?.message ?? `HTTP ${response.status}`,
      );
    }
    return parsed as T;
  }

  /** The raw response, for streams (server-sent events); `extraHeaders` e.g. `Last-Event-ID`. */
  async fetch(
    method: string,
    route: string,
    body?: { json: unknown } | { text: string; contentType: string },
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      ...extraHeaders,
      authorization: `Bearer ${this.token}`,
    };
    let payload: string | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = body.contentType;
      payload = body.text;
    }
    try {
      return await fetch(`${this.baseUrl}${route}`, { method, headers, body: payload });
    } catch (error) {
      throw new CaroniError(
        'api_unreachable',
        `cannot reach the Caroni API at ${this.baseUrl}: start it (\`npx caroni dev\`) or pass ${this.urlOption}`,
        { cause: error },
      );
    }
  }
}
