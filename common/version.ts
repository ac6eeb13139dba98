import { readFileSync } from 'node:fs';

/** Caroni's version (package.json), sent in agents' ads so operators see what runs where. */
export const softwareVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
