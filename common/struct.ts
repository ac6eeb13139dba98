import { google } from '../proto/generated/caroni.js';
import type { Json, JsonObject } from './json.ts';

/**
 * JSON ↔ `google.protobuf.Value`/`Struct`. Explicit, because protobufjs's
 * `fromObject` silently drops a plain object given for a `Struct` field.
 */
export function toValue(json: Json): google.protobuf.IValue {
  if (json === null) return { nullValue: google.protobuf.NullValue.NULL_VALUE };
  switch (typeof json) {
    case 'boolean':
      return { boolValue: json };
    case 'number':
      if (!Number.isFinite(json)) throw new TypeError(`cannot encode ${json} as JSON`);
      return { numberValue: json };
    case 'string':
      return { stringValue: json };
  }
  if (Array.isArray(json)) return { listValue: { values: json.map(toValue) } };
  return { structValue: toStruct(json) };
}

export function toStruct(object: JsonObject): google.protobuf.IStruct {
  const fields: Record<string, google.protobuf.IValue> = {};
  for (const [key, value] of Object.entries(object)) fields[key] = toValue(value);
  return { fields };
}

/** Reads a decoded `Value`; an unset value reads as `null`. */
export function fromValue(value: google.protobuf.IValue | null | undefined): Json {
  if (!value) return null;
  if (value.boolValue != null) return value.boolValue;
  if (value.numberValue != null) return value.numberValue;
  if (value.stringValue != null) return value.stringValue;
  if (value.listValue != null) return (value.listValue.values ?? []).map(fromValue);
  if (value.structValue != null) return fromStruct(value.structValue);
  return null;
}

export function fromStruct(struct: google.protobuf.IStruct | null | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(struct?.fields ?? {})) out[key] = fromValue(value);
  return out;
}
