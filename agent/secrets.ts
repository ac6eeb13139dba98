import { readFile, stat } from 'node:fs/promises';
import { inspect } from 'node:util';
import { parse, YAMLParseError } from 'yaml';
import { ConfigError } from '../common/errors.ts';

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * The agent's secrets, name → value, from its own configuration (the file
 * `CARONI_AGENT_SECRETS` names). Handlers refer to them by name; the values
 * never travel in messages. Printing, logging or serializing this object
 * shows the names only.
 */
export class Secrets {
  static readonly none = new Secrets(new Map(), undefined);

  private constructor(
    private readonly values: ReadonlyMap<string, string>,
    /** The file they came from; undefined: no secrets file is configured. */
    readonly file: string | undefined,
  ) {}

  /** Secrets held in code (a test, a program embedding the agent); an agent reads its file with {@link loadSecrets}. */
  static of(values: Record<string, string>, file = '(given in code)'): Secrets {
    return new Secrets(new Map(Object.entries(values)), file);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  /** Where the values come from, for error messages. */
  describe(): string {
    return this.file === undefined
      ? 'no secrets file (CARONI_AGENT_SECRETS is unset)'
      : `the secrets file ${this.file}`;
  }

  toJSON(): { file: string | undefined; names: string[] } {
    return { file: this.file, names: this.names() };
  }

  [inspect.custom](): string {
    return `Secrets { file: ${String(this.file)}, names: [${this.names().join(', ')}] }`;
  }
}

/**
 * Reads the agent's secrets file: a YAML or JSON mapping of secret name to a
 * string value. It must be a regular file that other users cannot read
 * (`chmod 600`, or `640` with a group of the agent's own).
 *
 * @param file `config.agent.secretsFile`; undefined: no secrets.
 * @throws ConfigError when the file is missing, readable by others, not a
 *   mapping of names to non-empty strings. Messages name keys and lines,
 *   never a value.
 */
export async function loadSecrets(file: string | undefined): Promise<Secrets> {
  if (file === undefined) return Secrets.none;
  const fail = (problem: string) => new ConfigError(`CARONI_AGENT_SECRETS: ${file} ${problem}`);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`CARONI_AGENT_SECRETS: cannot read ${file} (${error.code})`, {
      cause: error,
    });
  });
  if (!info.isFile()) throw fail('is not a regular file');
  if (info.mode & 0o007) {
    const mode = (info.mode & 0o777).toString(8);
    throw fail(`is open to other users (mode ${mode}): chmod 600 ${file}`);
  }
  let document: unknown;
  try {
    // prettyErrors off: a pretty error quotes the source line, which may hold a value;
    // logLevel 'error': warnings (which may quote it too) are not printed, errors still throw.
    document = parse(await readFile(file, 'utf8'), { prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    const line =
      error instanceof YAMLParseError ? ` at line ${error.linePos?.[0].line ?? '?'}` : '';
    throw fail(`is not valid YAML or JSON${line}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw fail('must hold a mapping of secret name to value');
  }
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(document)) {
    if (!NAME.test(name)) {
      throw fail(`has the secret name ${JSON.stringify(name)}: use letters, digits, ".", "-", "_"`);
    }
    if (typeof value !== 'string' || value === '') {
      throw fail(`has secret ${name} that is not a non-empty string (quote it)`);
    }
    values.set(name, value);
  }
  return Secrets.of(Object.fromEntries(values), file);
}

/**
 * The secrets one program receives, with the means to keep them out of what
 * the agent sends back: its result, failure messages and progress.
 */
export class ProgramSecrets {
  /** Each value as the program may print it: raw, and escaped inside a JSON string. */
  private readonly forms: { name: string; text: string }[];

  constructor(
    /** Environment variable → value. */
    readonly env: Readonly<Record<string, string>>,
    names: Readonly<Record<string, string>>,
  ) {
    this.forms = Object.entries(env)
      .flatMap(([variable, value]) => {
        const name = names[variable] ?? variable;
        return [...new Set([value, JSON.stringify(value).slice(1, -1)])].map((text) => ({
          name,
          text,
        }));
      })
      // Longest first: a value that contains another is replaced whole.
      .sort((a, b) => b.text.length - a.text.length);
  }

  /** `text` with every secret value replaced by `[secret <name>]`. */
  redact(text: string): string {
    let result = text;
    for (const { name, text: value } of this.forms) {
      result = result.replaceAll(value, `[secret ${name}]`);
    }
    return result;
  }

  /** The name of a secret whose value `text` contains, if any. */
  foundIn(text: string): string | undefined {
    return this.forms.find(({ text: value }) => text.includes(value))?.name;
  }
}
