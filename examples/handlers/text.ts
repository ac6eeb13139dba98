import { createHash } from 'node:crypto';
import { NonRetryableJobError, type Handler } from '../../agent/handler.ts';
import type { JsonObject } from '../../common/json.ts';

/** The `text` parameter, or a permanent failure: retrying bad parameters cannot help. */
function textParam(params: JsonObject): string {
  const text = params.text;
  if (typeof text !== 'string') {
    throw new NonRetryableJobError(
      `parameter "text" must be a string, got ${text === undefined ? 'nothing' : JSON.stringify(text)}`,
      { type: 'invalid_parameters' },
    );
  }
  return text;
}

/** `{ text }` → `{ words, chars }`: whitespace-separated tokens and Unicode code points. */
const stats: Handler = (params) => {
  const text = textParam(params);
  const words = text.split(/\s+/).filter((word) => word.length > 0).length;
  return { words, chars: [...text].length };
};

/** `{ text }` → `{ sha256 }`: hex digest of the UTF-8 bytes. */
const sha256: Handler = (params) => ({
  sha256: createHash('sha256').update(textParam(params), 'utf8').digest('hex'),
});

/** Example handlers for `caroni dev` and the tests. */
export const handlers = { 'text.stats': stats, 'text.sha256': sha256 };
