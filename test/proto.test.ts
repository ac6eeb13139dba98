import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { caroni } from '../proto/generated/caroni.js';
import { fromStruct, fromValue, toStruct, toValue } from '../common/struct.ts';
import type { Json, JsonObject } from '../common/json.ts';

const run = promisify(execFile);

describe('wire contract', () => {
  it('generated code matches the .proto sources (run `npm run proto` after editing them)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'caroni-proto-'));
    try {
      const out = path.join(dir, 'caroni.js');
      await run(path.resolve('node_modules/.bin/pbjs'), [
        '-t',
        'static-module',
        '-w',
        'esm',
        '-r',
        'caroni',
        '--dts',
        '-o',
        out,
        'proto/caroni/v1/caroni.proto',
      ]);
      for (const file of ['caroni.js', 'caroni.d.ts']) {
        expect(await readFile(path.join(dir, file), 'utf8'), file).toBe(
          await readFile(path.join('proto/generated', file), 'utf8'),
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('round-trips JSON parameters through google.protobuf.Struct on the wire', () => {
    const params: JsonObject = {
      text: 'héllo 👋',
      n: 0,
      pi: 3.25,
      negative: -7,
      yes: true,
      no: false,
      nothing: null,
      list: [1, 'two', [3], { four: 4 }],
      nested: { deeper: { deepest: [] } },
      empty: {},
    };
    const bytes = caroni.v1.JobRequest.encode({
      jobId: 'j',
      parameters: toStruct(params),
    }).finish();
    expect(fromStruct(caroni.v1.JobRequest.decode(bytes).parameters)).toEqual(params);
  });

  it('round-trips any JSON value through google.protobuf.Value', () => {
    const values: Json[] = [null, 'x', 0, true, [], [null], { a: { b: [1] } }];
    for (const value of values) {
      const bytes = caroni.v1.JobResult.encode({ jobId: 'j', output: toValue(value) }).finish();
      expect(fromValue(caroni.v1.JobResult.decode(bytes).output)).toEqual(value);
    }
  });

  it('refuses to encode a number JSON cannot hold', () => {
    expect(() => toValue(Number.NaN)).toThrow(/cannot encode NaN/);
  });
});
