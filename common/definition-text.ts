import { isScalar, parseDocument, visit, type Document } from 'yaml';
import { CaroniError } from './errors.ts';

/** A definition text that is not well-formed JSON or YAML; `line` and `column` count from 1. */
export class DefinitionTextError extends CaroniError {
  override readonly name = 'DefinitionTextError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    options?: { cause?: unknown },
  ) {
    super('definition_syntax', message, options);
  }
}

function locate(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

class JsonSyntax {
  constructor(readonly offset: number) {}
}

/**
 * Where JSON.parse stopped: Node 20's messages carry no position, so the
 * text is scanned again by this minimal JSON grammar (only run on a failure).
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (pattern: RegExp) => {
    const match = pattern.exec(text.slice(i));
    if (!match) throw new JsonSyntax(i);
    i += match[0].length;
  };
  const list = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') throw new JsonSyntax(i);
      i++;
    }
  };
  const string = () => {
    if (text[i] !== '"') throw new JsonSyntax(i);
    i++;
    while (text[i] !== '"') {
      const char = text[i];
      // Control characters must be escaped inside JSON strings.
      if (char === undefined || char < ' ') throw new JsonSyntax(i);
      if (char === '\\') expect(/^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/);
      else i++;
    }
    i++;
  };
  const value = (): void => {
    space();
    const char = text[i];
    if (char === '{') {
      list('}', () => {
        space();
        string();
        space();
        expect(/^:/);
        value();
      });
    } else if (char === '[') list(']', value);
    else if (char === '"') string();
    else expect(/^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/);
  };
  try {
    value();
    space();
    return i < text.length ? i : text.length;
  } catch (error) {
    if (error instanceof JsonSyntax) return error.offset;
    throw error;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const { line, column } = locate(text, offset);
    const found =
      offset < text.length
        ? `unexpected ${JSON.stringify(text[offset])}`
        : 'unexpected end of text';
    throw new DefinitionTextError(
      `invalid JSON at line ${line}, column ${column}: ${found}`,
      line,
      column,
      { cause: error },
    );
  }
}

/** The first thing in a YAML document that has no JSON equivalent, with where it starts. */
function nonJson(document: Document.Parsed): { message: string; offset: number } | undefined {
  let found: { message: string; offset: number } | undefined;
  visit(document, {
    Pair(_, pair) {
      if (pair.key === null || isScalar(pair.key)) return undefined;
      const offset = (pair.key as { range?: number[] }).range?.[0] ?? 0;
      found = { message: 'a mapping key must be a plain value, not a list or mapping', offset };
      return visit.BREAK;
    },
    Scalar(_, scalar) {
      const { value } = scalar;
      const json =
        value === null ||
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value));
      if (json) return undefined;
      found = {
        message: `${scalar.source ?? String(value)} is not a JSON value`,
        offset: scalar.range?.[0] ?? 0,
      };
      return visit.BREAK;
    },
    Alias(_, alias) {
      // An alias inside the node it names would make the value infinite.
      const target = alias.resolve(document)?.range;
      const at = alias.range?.[0] ?? 0;
      if (!target || at < target[0] || at >= target[1]) return undefined;
      found = { message: `alias *${alias.source} refers to a node that contains it`, offset: at };
      return visit.BREAK;
    },
  });
  return found;
}

function parseYaml(text: string): unknown {
  // YAML 1.2 core schema without the YAML 1.1 tags (!!binary, !!set, ...), so
  // every value is JSON; duplicate keys are errors.
  const document = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    resolveKnownTags: false,
  });
  const problem = document.errors[0] ?? nonJson(document);
  if (problem) {
    const offset = 'offset' in problem ? problem.offset : problem.pos[0];
    const { line, column } = locate(text, offset);
    throw new DefinitionTextError(
      `invalid YAML at line ${line}, column ${column}: ${problem.message}`,
      line,
      column,
      { cause: problem },
    );
  }
  try {
    return document.toJS();
  } catch (error) {
    // yaml refuses to expand aliases past its `maxAliasCount` (100): a "billion laughs" document.
    if (!(error instanceof ReferenceError)) throw error;
    let offset = 0;
    visit(document, {
      Alias(_, alias) {
        offset = alias.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const { line, column } = locate(text, offset);
    throw new DefinitionTextError(
      `invalid YAML at line ${line}, column ${column}: its aliases expand too far (${error.message}); write the values out`,
      line,
      column,
      { cause: error },
    );
  }
}

/**
 * Parses a definition written as JSON or YAML into a plain value, to be
 * checked by `validateDefinition`. Without `format`, a text whose first
 * non-blank character is `{` or `[` is JSON, anything else YAML.
 *
 * @throws DefinitionTextError (code `definition_syntax`) with the line and
 * column of the first syntax error.
 */
export function parseDefinitionText(text: string, format?: 'json' | 'yaml'): unknown {
  const source = text.replace(/^\uFEFF/, '');
  const json = format ? format === 'json' : /^\s*[{[]/.test(source);
  return json ? parseJson(source) : parseYaml(source);
}
