import type { Sql } from 'postgres';
import type { Definition } from '../workflows/definition.ts';

/** The latest version of `name`, or the given `version`; undefined when there is none. */
export async function getDefinition(
  sql: Sql,
  name: string,
  version?: number,
): Promise<Definition | undefined> {
  const rows =
    version === undefined
      ? await sql<{ definition: Definition }[]>`
        select definition from workflow_definitions where name = ${name}
        order by version desc limit 1`
      : await sql<{ definition: Definition }[]>`
        select definition from workflow_definitions where name = ${name} and version = ${version}`;
  return rows[0]?.definition;
}

/**
 * Saves a definition version. Versions are immutable: saving the same
 * version again with the same content is a no-op, with other content it is
 * refused.
 *
 * @returns false when that version exists with different content.
 */
export async function saveDefinition(sql: Sql, definition: Definition): Promise<boolean> {
  const body = sql.json(definition as unknown as Parameters<typeof sql.json>[0]);
  const rows = await sql<{ same: boolean }[]>`
    insert into workflow_definitions (name, version, definition)
    values (${definition.name}, ${definition.version}, ${body})
    on conflict (name, version) do update set name = excluded.name
    returning definition = ${body} as same`;
  return rows[0]?.same ?? false;
}
