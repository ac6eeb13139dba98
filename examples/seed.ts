import { readdir, readFile } from 'node:fs/promises';
import type { Sql } from 'postgres';
import { applyDefinition, applyJobType } from '../api/definitions.ts';

const here = new URL('.', import.meta.url);

/**
 * The example site's job types and workflows (`examples/*.workflow.json`),
 * validated and saved into a manager database as an admin would.
 */
export async function seedExampleSite(sql: Sql): Promise<void> {
  const jobTypes = JSON.parse(await readFile(new URL('job-types.json', here), 'utf8')) as unknown[];
  for (const jobType of jobTypes) await applyJobType(sql, jobType);
  for (const file of (await readdir(here))
    .filter((name) => name.endsWith('.workflow.json'))
    .sort()) {
    await applyDefinition(sql, JSON.parse(await readFile(new URL(file, here), 'utf8')));
  }
}
