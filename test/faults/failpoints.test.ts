import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { armFailpoints, failpoint, parseFailpoints } from '../../common/failpoints.ts';
import { ConfigError } from '../../common/errors.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `failpoint('agent.before-ack')` `hits` times in a process of its own, with `CARONI_FAILPOINTS`. */
function hitInChild(
  failpoints: string,
  hits: number,
): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const script = [
    "const { failpoint } = await import('./common/failpoints.ts');",
    `for (let hit = 1; hit <= ${hits}; hit++) { console.log('before', hit); failpoint('agent.before-ack'); }`,
    "console.log('survived');",
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', CARONI_FAILPOINTS: failpoints },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (_code, signal) => resolve({ signal, stdout, stderr }));
  });
}

describe('failpoints', () => {
  it('parses the grammar: kill and drop are the first hit, kill@N and drop@N the Nth', () => {
    expect(parseFailpoints('')).toEqual(new Map());
    expect(
      parseFailpoints(
        ' agent.before-ack=kill , bridge.after-publish=kill@12,bridge.before-result=drop@3',
      ),
    ).toEqual(
      new Map([
        ['agent.before-ack', { action: 'kill', hit: 1 }],
        ['bridge.after-publish', { action: 'kill', hit: 12 }],
        ['bridge.before-result', { action: 'drop', hit: 3 }],
      ]),
    );
  });

  it('drops at exactly the hit it names, in a process armed by a test', () => {
    armFailpoints('bridge.before-result=drop@2');
    try {
      expect([1, 2, 3].map(() => failpoint('bridge.before-result'))).toEqual([false, true, false]);
      armFailpoints('bridge.before-result=drop');
      expect(failpoint('bridge.before-result')).toBe(true);
    } finally {
      armFailpoints('');
    }
    expect(failpoint('bridge.before-result')).toBe(false);
  });

  it('refuses unknown names and actions, naming the part', () => {
    for (const bad of [
      'agent.before-ak=kill',
      'agent.before-ack=kill@0',
      'agent.before-ack=kill@x',
      'agent.before-ack=sleep',
      'agent.before-ack',
      'agent.before-ack=drop',
    ]) {
      expect(() => parseFailpoints(bad)).toThrow(ConfigError);
      expect(() => parseFailpoints(bad)).toThrow(`"${bad}"`);
    }
  });

  it('does nothing unless armed', () => {
    // This process has no CARONI_FAILPOINTS: a kill here would end the test run.
    expect(process.env.CARONI_FAILPOINTS).toBeUndefined();
    failpoint('agent.before-ack');
  });

  it('kills the process with SIGKILL at the hit it names, and says so first', async () => {
    const killed = await hitInChild('agent.before-ack=kill@2', 3);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe('before 1\nbefore 2\n');
    expect(killed.stderr).toContain('failpoint agent.before-ack: kill (hit 2)');

    const elsewhere = await hitInChild('bridge.after-publish=kill', 3);
    expect(elsewhere.signal).toBeNull();
    expect(elsewhere.stdout).toContain('survived');
  });
});
