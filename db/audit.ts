import type { Sql } from 'postgres';
import type { Json } from '../common/json.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Json;
}

/** Records one admin change. */
export async function recordAudit(
  sql: Sql,
  entry: { actor: string; action: string; target: string; details?: Json },
): Promise<void> {
  const details =
    entry.details === undefined ? null : sql.json(entry.details as Parameters<typeof sql.json>[0]);
  await sql`
    insert into audit_log (actor, action, target, details)
    values (${entry.actor}, ${entry.action}, ${entry.target}, ${details})`;
}

/** The newest entries first; `before` is the id of the last entry of the previous page. */
export async function listAudit(
  sql: Sql,
  options: { limit: number; before?: number },
): Promise<AuditEntry[]> {
  const rows = await sql<(Omit<AuditEntry, 'id' | 'at'> & { id: string; at: Date })[]>`
    select id, at, actor, action, target, details from audit_log
    where ${options.before === undefined ? sql`true` : sql`id < ${options.before}`}
    order by id desc limit ${options.limit}`;
  return rows.map((row) => ({ ...row, id: Number(row.id), at: row.at.toISOString() }));
}
