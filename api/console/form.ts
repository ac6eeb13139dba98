import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import postgres from 'postgres';
import { parseDefinitionText } from '../../common/definition-text.ts';
import { CaroniError, ConflictError, NotFoundError } from '../../common/errors.ts';
import { MAX_JSON_DEPTH, nestsDeeperThan, type Json } from '../../common/json.ts';
import { keyIdOf, parsePublicKey } from '../../common/keys.ts';
import { MAX_KEY_GRACE_SECONDS } from '../../common/trusted-keys.ts';
import { InvalidDocumentError } from '../definitions.ts';
import type { Problem } from './layout.tsx';

/** A form field that does not hold what it must; the message names the field. */
export class FormError extends CaroniError {
  override readonly name = 'FormError';
  constructor(
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('invalid_form', `${field}: ${message}`, options);
  }
}

/** The fields of a submitted form, as text, to read and to show again after a problem. */
export class Form {
  constructor(private readonly data: FormData) {}

  /** The form of a POST; an empty form for any other body (its CSRF check then fails). */
  static async of(c: Context): Promise<Form> {
    const type = c.req.header('content-type') ?? '';
    if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
      return new Form(new FormData());
    }
    try {
      return new Form(await c.req.formData());
    } catch (error) {
      throw new FormError('(form)', 'the form data cannot be read: send it again', {
        cause: error,
      });
    }
  }

  /** The field's text, trimmed; '' when it is missing. */
  text(name: string): string {
    return this.raw(name).trim();
  }

  /** The field's text as sent (textareas keep their layout). */
  raw(name: string): string {
    const value = this.data.get(name);
    return typeof value === 'string' ? value : '';
  }

  /** Every value of a repeated field (checkboxes). */
  all(name: string): string[] {
    return this.data.getAll(name).filter((value): value is string => typeof value === 'string');
  }

  /** An uploaded file with content, or undefined. */
  file(name: string): File | undefined {
    const value = this.data.get(name);
    return typeof value === 'object' && value !== null && value.size > 0 ? value : undefined;
  }

  /** Every text field, to fill the form again after a problem. */
  values(): FormValues {
    const values: FormValues = {};
    for (const [name, value] of this.data.entries()) {
      if (typeof value === 'string' && name !== 'csrf')
        values[name] = [...(values[name] ?? []), value];
    }
    return values;
  }
}

/** Text fields of a form by name: what was typed, to show again. */
export type FormValues = Record<string, string[]>;

/** The first value of `name` in `values`, or `fallback`. */
export function valueOf(values: FormValues | undefined, name: string, fallback = ''): string {
  return values?.[name]?.[0] ?? fallback;
}

/** @throws FormError when the field is empty or longer than `max`. */
export function requiredText(form: Form, name: string, label: string, max = 200): string {
  const text = form.text(name);
  if (text === '') throw new FormError(label, 'fill it in');
  if (text.length > max) throw new FormError(label, `at most ${max} characters`);
  return text;
}

/** An optional whole number in [min, max]; undefined when the field is empty. @throws FormError */
export function optionalInteger(
  form: Form,
  name: string,
  label: string,
  { min, max }: { min: number; max: number },
): number | undefined {
  const text = form.text(name);
  if (text === '') return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max) {
    throw new FormError(label, `a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

/**
 * A JSON (or YAML) document typed into a field, as the API would take it in.
 * @throws FormError naming the line and column of a syntax error, or a document nested too deep.
 */
export function documentField(text: string, label: string, format?: 'json' | 'yaml'): Json {
  let value: unknown;
  try {
    value = parseDefinitionText(text, format);
  } catch (error) {
    if (error instanceof CaroniError) throw new FormError(label, error.message, { cause: error });
    throw error;
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new FormError(label, `nests more than ${MAX_JSON_DEPTH} levels deep: flatten it`);
  }
  return value as Json;
}

/** An Ed25519 public key in PEM, with its key id. @throws FormError saying what is wrong with it. */
export function publicKeyField(
  form: Form,
  name: string,
  label: string,
): { pem: string; keyId: string } {
  const pem = requiredText(form, name, label, 10_000);
  try {
    return { pem, keyId: keyIdOf(parsePublicKey(pem)) };
  } catch (error) {
    throw new FormError(
      label,
      `not an Ed25519 public key in PEM (SPKI): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * The key and grace period of a trust form (`PublicKeyArea`, `GraceField`).
 *
 * @throws FormError naming the field that is wrong.
 */
export function trustedKeyFields(form: Form): {
  pem: string;
  keyId: string;
  graceSeconds: number | undefined;
} {
  const { pem, keyId } = publicKeyField(form, 'publicKeyPem', 'Public key');
  const graceSeconds = optionalInteger(form, 'graceSeconds', 'Grace period', {
    min: 0,
    max: MAX_KEY_GRACE_SECONDS,
  });
  return { pem, keyId, graceSeconds };
}

/** A problem to show on a page, with the page's HTTP status. */
export interface Shown {
  problem: Problem;
  status: ContentfulStatusCode;
}

/** What a page shows again after a form was refused: the problem and what was typed. */
export type PageState = Partial<Shown> & { values?: FormValues };

/** SQLSTATEs of text PostgreSQL cannot hold (a NUL character), as the API maps them. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/**
 * What to show for an error of a domain function, with the HTTP status of
 * the page: its message, which says what to fix.
 *
 * @throws the error itself when it is not one to show (a bug, an outage):
 *   the console's error page logs it and shows no details.
 */
export function problemOf(error: unknown): Shown {
  if (error instanceof InvalidDocumentError) {
    return { problem: { message: error.message, issues: error.issues }, status: 400 };
  }
  if (error instanceof CaroniError) {
    const status =
      error instanceof NotFoundError ? 404 : error instanceof ConflictError ? 409 : 400;
    return { problem: { message: error.message }, status };
  }
  if (error instanceof postgres.PostgresError && UNSTORABLE_TEXT.has(error.code)) {
    return {
      problem: { message: 'text cannot contain a NUL character (\\u0000): remove it' },
      status: 400,
    };
  }
  throw error;
}
