import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root (the folder holding package.json), whatever the working directory. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
