import http from 'node:http';
import fc from 'fast-check';

/** The part of an OpenAPI 3.1 document the fuzzer reads. */
interface SchemaObject {
  $ref?: string;
  properties?: Record<string, SchemaObject>;
}
interface OperationObject {
  parameters?: { name: string; in: 'path' | 'query' | 'header' | 'cookie' }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** One route of an API, as its OpenAPI document describes it. */
export interface Operation {
  method: string;
  /** With `{name}` placeholders. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  /** Top-level field names of the JSON body; undefined when the route takes no body. */
  bodyFields: string[] | undefined;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of `doc`, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = (schema: SchemaObject | undefined): SchemaObject | undefined => {
    const name = schema?.$ref?.replace('#/components/schemas/', '');
    return name === undefined ? schema : doc.components?.schemas?.[name];
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const parameters = operation.parameters ?? [];
      const of = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name);
      const content = operation.requestBody?.content;
      const schema = resolve(content?.['application/json']?.schema);
      return [
        {
          method: method.toUpperCase(),
          path,
          pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? ''),
          queryParams: of('query'),
          headerParams: of('header'),
          bodyFields: content ? Object.keys(schema?.properties ?? {}) : undefined,
        },
      ];
    }),
  );
}

/** Printable ASCII, the only bytes every HTTP client lets through in a header value. */
const headerChar = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const headerText = (maxLength: number) => fc.string({ unit: headerChar, maxLength });

/** Values that have broken parsers, databases, shells and path handling before. */
export const nastyStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u202e\u0041',
  '..',
  '../../../etc/passwd',
  '/etc/passwd',
  '%00',
  '%',
  '%zz',
  '%2e%2e%2f',
  '$(id)',
  '`id`',
  '; rm -rf / #',
  '| cat /etc/passwd',
  '--output=/etc/passwd',
  '-rf',
  '{{ params.x }}',
  '{{',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'true',
  '-1',
  '0',
  '1e309',
  'NaN',
  '9007199254740993',
  "' or '1'='1",
  '"; drop table jobs; --',
  '<script>alert(1)</script>',
  'é'.repeat(300),
  'x'.repeat(1_100),
];

/** Strings of any code point (lone surrogates and NUL included), or one of {@link nastyStrings}. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 3_000 }) },
);

/** Any JSON value, with hostile strings and numbers at the edges. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(0, -1, 1.5, -0, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MIN_VALUE),
    fc.integer(),
    hostileString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** How a request authenticates. */
export type AuthForm =
  { kind: 'admin' } | { kind: 'submitter' } | { kind: 'none' } | { kind: 'raw'; header: string };

const authForm = (token: { admin: string }): fc.Arbitrary<AuthForm> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant<AuthForm>({ kind: 'admin' }) },
    { weight: 2, arbitrary: fc.constant<AuthForm>({ kind: 'submitter' }) },
    { weight: 1, arbitrary: fc.constant<AuthForm>({ kind: 'none' }) },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'Bearer  \t ',
            'Basic dXNlcjpwYXNz',
            'Token abc',
            `Bearer ${token.admin} extra`,
            `Bearer ${token.admin}x`,
            `bearer ${token.admin}`,
            `Bearer ${token.admin.slice(0, -1)}`,
            `Bearer ${token.admin},Bearer ${token.admin}`,
            `Bearer ${'a'.repeat(4_000)}`,
            'Bearer %00',
            "Bearer ' or 1=1 --",
          ),
          headerText(200),
          headerText(60).map((text) => `Bearer ${text}`),
        )
        .map((header): AuthForm => ({ kind: 'raw', header })),
    },
  );

/** A request body, described rather than rendered, so a failing case prints readably. */
export type BodyForm =
  | { kind: 'json'; value: unknown }
  /** The route's own field names, with values of any type (mostly wrong). */
  | { kind: 'shaped'; fields: [string, unknown][] }
  /** Nested `depth` levels: the whole body, or the value of `field` beside the `around` fields. */
  | {
      kind: 'deep';
      depth: number;
      opener: '[' | '{"a":';
      field?: string;
      around?: [string, unknown][];
    }
  | { kind: 'huge'; bytes: number; field: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'truncated'; fields: [string, unknown][]; keep: number }
  | { kind: 'yaml-bomb'; levels: number }
  | { kind: 'yaml-deep'; depth: number };

const contentTypes = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/yaml',
  'text/yaml',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zzz',
  'application/octet-stream',
  'application/json;;;==',
  '*/*',
];

/** Nesting from harmless to far past any recursive parser's stack. */
export const deepLevels = fc.oneof(
  fc.integer({ min: 100, max: 2_000 }),
  fc.integer({ min: 5_000, max: 200_000 }),
);

function bodyForm(fields: string[]): fc.Arbitrary<BodyForm> {
  const shapedFields = fc.array(
    fc.tuple(
      fields.length > 0
        ? fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...fields) },
            { weight: 1, arbitrary: hostileString },
          )
        : hostileString,
      hostileJson,
    ),
    { maxLength: Math.max(3, fields.length + 1) },
  );
  return fc.oneof(
    { weight: 3, arbitrary: hostileJson.map((value): BodyForm => ({ kind: 'json', value })) },
    { weight: 5, arbitrary: shapedFields.map((f): BodyForm => ({ kind: 'shaped', fields: f })) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('deep' as const),
        depth: deepLevels,
        opener: fc.constantFrom('[' as const, '{"a":' as const),
        field:
          fields.length > 0
            ? fc.option(fc.constantFrom(...fields), { nil: undefined })
            : fc.constant(undefined),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('huge' as const),
        bytes: fc.oneof(fc.integer({ min: 100_000, max: 1_000_000 }), fc.constant(1_100_000)),
        field: fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('x'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .uint8Array({ maxLength: 2_000 })
        .map((bytes): BodyForm => ({ kind: 'bytes', bytes })),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('truncated' as const),
        fields: shapedFields,
        keep: fc.nat(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('yaml-bomb' as const),
        levels: fc.integer({ min: 3, max: 12 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('yaml-deep' as const),
        depth: fc.integer({ min: 1_000, max: 100_000 }),
      }),
    },
  );
}

/** `levels` of YAML aliases, each naming the one before ten times: 10^levels strings once expanded. */
export function yamlBomb(levels: number): string {
  const lines = ['a0: &a0 "lol"'];
  for (let i = 1; i <= levels; i++) {
    lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** Renders a body form to the bytes sent. */
export function renderBody(body: BodyForm): string | Uint8Array {
  switch (body.kind) {
    case 'json':
      return JSON.stringify(body.value) ?? 'null';
    case 'shaped':
      return JSON.stringify(Object.fromEntries(body.fields));
    case 'deep': {
      const close = body.opener === '[' ? ']' : '}';
      // Written out as text: JSON.stringify itself overflows the stack on such a value.
      const deep = `${body.opener.repeat(body.depth)}1${close.repeat(body.depth)}`;
      if (body.field === undefined) return deep;
      const around = JSON.stringify(Object.fromEntries(body.around ?? []));
      const field = `${JSON.stringify(body.field)}:${deep}}`;
      return around === '{}' ? `{${field}` : `${around.slice(0, -1)},${field}`;
    }
    case 'huge':
      return JSON.stringify({ [body.field]: 'x'.repeat(body.bytes) });
    case 'bytes':
      return body.bytes;
    case 'truncated': {
      const text = JSON.stringify(Object.fromEntries(body.fields));
      return text.slice(0, body.keep % Math.max(1, text.length));
    }
    case 'yaml-bomb':
      return yamlBomb(body.levels);
    case 'yaml-deep':
      return `name: deep\nsteps: ${'['.repeat(body.depth)}${']'.repeat(body.depth)}\n`;
  }
}

/** One hostile request to one operation. */
export interface HostileRequest {
  /** Each path parameter's value, already in URL form (encoded, or raw and odd). */
  pathValues: string[];
  query: [string, string][];
  auth: AuthForm;
  headers: [string, string][];
  contentType: string | undefined;
  body: BodyForm | undefined;
}

/**
 * Percent-encodes every UTF-8 byte of `text`, a lone surrogate as the three
 * bytes it would take (which are not valid UTF-8: the server must cope).
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const bytes =
      code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        : [...Buffer.from(char, 'utf8')];
    out += /^[A-Za-z0-9_.~-]$/.test(char)
      ? char
      : bytes.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

const pathValue = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(percentEncode) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      '%zz',
      '%00',
      '%2F',
      'a%2Fb',
      '..',
      '%2e%2e',
      '.',
      ';',
      '%ff%fe',
    ),
  },
  { weight: 1, arbitrary: fc.constant('x'.repeat(1_200)) },
);

/** Hostile requests to `operation`, authenticated mostly as an admin (to get past the door). */
export function hostileRequest(
  operation: Operation,
  token: { admin: string },
): fc.Arbitrary<HostileRequest> {
  const queryNames = [...operation.queryParams, 'limit', 'cursor', '__proto__'];
  // fetch refuses a GET with a body: every other method gets one, documented or not.
  const takesBody = operation.method !== 'GET';
  return fc.record({
    pathValues: fc.tuple(...operation.pathParams.map(() => pathValue)),
    query: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...queryNames), hostileString),
        fc.oneof(
          hostileString,
          fc.constantFrom('0', '-5', '501', '1.5', 'RUNNING,FOO', 'x'.repeat(5_000)),
        ),
      ),
      { maxLength: 4 },
    ),
    auth: authForm(token),
    headers: fc.array(
      fc.tuple(
        fc.constantFrom(
          ...operation.headerParams,
          'idempotency-key',
          'last-event-id',
          'accept',
          'content-encoding',
          'x-forwarded-for',
        ),
        headerText(300),
      ),
      { maxLength: 3 },
    ),
    contentType: fc.option(fc.constantFrom(...contentTypes), { nil: undefined, freq: 5 }),
    body: takesBody
      ? fc.option(bodyForm(operation.bodyFields ?? []), { nil: undefined, freq: 8 })
      : fc.constant(undefined),
  });
}

/** The URL path and query of a hostile request. */
export function targetOf(operation: Operation, request: HostileRequest): string {
  let index = 0;
  const path = operation.path.replace(/\{[^}]+\}/g, () => request.pathValues[index++] ?? 'x');
  const query = new URLSearchParams(request.query).toString();
  return query ? `${path}?${query}` : path;
}

/** What an API answered to a hostile request. */
export type Verdict =
  | { ok: true; status: number }
  /** A 5xx, or no answer at all. */
  | { ok: false; crash: true; why: string }
  /** An answer, but not the JSON error the API promises. */
  | { ok: false; crash: false; why: string };

/** One HTTP exchange on a connection of its own. */
function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
): Promise<{ status: number; contentType: string | undefined; text: string }> {
  if (body !== undefined) {
    // Node sends a DELETE body with neither length nor chunking: the server would read it as the next request.
    headers['content-length'] = String(
      typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    );
  }
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a kept-alive socket the server closed after the last
    // hostile request would fail this one, and the failure would be the client's, not the API's.
    const request = http.request(
      url,
      { method, headers, agent: false, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'],
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Sends a hostile request to the API at `base` and judges the answer: any
 * status below 500, and for an error status a JSON body with a string
 * `error.code`.
 */
export async function sendHostile(
  base: string,
  operation: Operation,
  request: HostileRequest,
  tokens: { admin: string; submitter: string },
): Promise<Verdict> {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  if (request.auth.kind === 'admin') headers.authorization = `Bearer ${tokens.admin}`;
  if (request.auth.kind === 'submitter') headers.authorization = `Bearer ${tokens.submitter}`;
  if (request.auth.kind === 'raw') headers.authorization = request.auth.header;
  const body = request.body === undefined ? undefined : renderBody(request.body);
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  let answer: Awaited<ReturnType<typeof exchange>>;
  try {
    answer = await exchange(
      new URL(targetOf(operation, request), base),
      operation.method,
      headers,
      body,
    );
  } catch (error) {
    return { ok: false, crash: true, why: `no answer: ${String(error)}` };
  }
  const { status, text } = answer;
  if (status >= 500) return { ok: false, crash: true, why: `${status}: ${text.slice(0, 500)}` };
  // A success may be anything its route documents (metrics are text); an error is always JSON.
  if (status < 400) return { ok: true, status };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      crash: false,
      why: `${status} with a body that is not JSON (${answer.contentType}): ${text.slice(0, 200)}`,
    };
  }
  const code = (parsed as { error?: { code?: unknown } } | null)?.error?.code;
  if (typeof code !== 'string') {
    return { ok: false, crash: false, why: `${status} without error.code: ${text.slice(0, 200)}` };
  }
  return { ok: true, status };
}
