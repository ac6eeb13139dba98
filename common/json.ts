/** A JSON value, as job parameters and outputs are. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/**
 * Deepest nesting of arrays and objects Caroni takes in from outside (API
 * bodies, definitions). Parsers take far deeper input than recursive code
 * (JSON.stringify, schema validators, Temporal's payload converter) can follow
 * before the stack overflows; no real input comes near.
 */
export const MAX_JSON_DEPTH = 128;

/** Whether `value` nests more than `limit` arrays and objects deep; walks without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
