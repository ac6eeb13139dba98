import { readFile } from 'node:fs/promises';
import type { Sql } from 'postgres';
import { definitionSchema } from '../common/definition-schema.ts';
import { saveDefinition, saveJobType, type JobTypeRow } from '../db/definitions.ts';

const here = (file: string) => new URL(file, import.meta.url);

/** The example site's job types and workflow, saved into a manager database. */
export async function seedExampleSite(sql: Sql): Promise<void> {
  const jobTypes = JSON.parse(await readFile(here('./job-types.json'), 'utf8')) as JobTypeRow[];
  for (const jobType of jobTypes) await saveJobType(sql, jobType);
  const definition = definitionSchema.parse(
    JSON.parse(await readFile(here('./example.workflow.json'), 'utf8')),
  );
  await saveDefinition(sql, definition);
}

/** Where the example agent's handlers live. */
export const exampleHandlersPath = new URL('./handlers/text.ts', import.meta.url).pathname;
