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

/** Every definition name with its latest version and how many versions it has. */
export async function listDefinitions(
  sql: Sql,
): Promise<{ name: string; latestVersion: number; versions: number }[]> {
  return sql<{ name: string; latestVersion: number; versions: number }[]>`
    select name, max(version) as "latestVersion", count(*)::int as versions
    from workflow_definitions group by name order by name`;
}

/** The versions of one definition, oldest first, with when each was saved. */
export async function listDefinitionVersions(
  sql: Sql,
  name: string,
): Promise<{ version: number; createdAt: string }[]> {
  const rows = await sql<{ version: number; created_at: Date }[]>`
    select version, created_at from workflow_definitions where name = ${name} order by version`;
  return rows.map((row) => ({ version: row.version, createdAt: row.created_at.toISOString() }));
}
