import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { loadConfig, requireDatabaseUrl } from '../common/config.ts';
import { openDatabase } from '../common/db.ts';
import { parseDefinitionText } from '../common/definition-text.ts';
import { CaroniError } from '../common/errors.ts';
import { generateToken, saveToken, type Role } from '../db/tokens.ts';
import type { ApiClient } from './api-client.ts';
import { apiClient, print, withApi, type ApiOptions } from './api-options.ts';

function adminClient(options: ApiOptions): Promise<ApiClient> {
  return apiClient(options, 'admin');
}

/** A file's text. @throws CaroniError `file_unreadable` naming the file. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CaroniError('file_unreadable', `cannot read ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * A definition file as the API takes it: YAML files (by extension, or any
 * file not starting with `{`) go as `application/yaml`, so the server
 * reports YAML syntax errors with their line.
 */
async function definitionBody(
  file: string,
): Promise<{ json: unknown } | { text: string; contentType: string }> {
  const text = await readText(file);
  if (/\.ya?ml$/i.test(file) || !/^\s*[{[]/.test(text)) {
    return { text, contentType: 'application/yaml' };
  }
  return { json: parseDefinitionText(text, 'json') };
}

/** Admin commands: definitions and job types through the API, tokens on the database. */
export function registerAdminCommands(program: Command): void {
  const definitions = program
    .command('definitions')
    .description('workflow definitions of a manager (admin token)');
  withApi(definitions.command('apply'))
    .description('validate and save a definition version from a JSON or YAML file')
    .argument('<file>')
    .action(async (file: string, options: ApiOptions) => {
      const api = await adminClient(options);
      const saved = await api.request<{ name: string; version: number }>(
        'POST',
        '/v1/admin/definitions',
        await definitionBody(file),
      );
      process.stderr.write(`saved ${saved.name} version ${saved.version}\n`);
    });
  withApi(definitions.command('validate'))
    .description('check a definition file without saving it; exits 1 listing each problem')
    .argument('<file>')
    .action(async (file: string, options: ApiOptions) => {
      const api = await adminClient(options);
      const result = await api.request<{
        ok: boolean;
        errors?: { path: string; message: string }[];
      }>('POST', '/v1/admin/definitions/validate', await definitionBody(file));
      if (result.ok) {
        process.stderr.write(`${file} is valid\n`);
        return;
      }
      for (const issue of result.errors ?? []) {
        process.stderr.write(`${file}: ${issue.path || '(root)'}: ${issue.message}\n`);
      }
      process.exitCode = 1;
    });
  withApi(definitions.command('list'))
    .description('list definitions with their latest version')
    .action(async (options: ApiOptions) => {
      const api = await adminClient(options);
      const { definitions: all } = await api.request<{ definitions: unknown[] }>(
        'GET',
        '/v1/admin/definitions',
      );
      for (const definition of all) print(definition);
    });
  withApi(definitions.command('get'))
    .description('print a definition (the latest version unless --version)')
    .argument('<name>')
    .option('--version <n>', 'version')
    .action(async (name: string, options: ApiOptions & { version?: string }) => {
      const api = await adminClient(options);
      const route = options.version
        ? `/v1/admin/definitions/${encodeURIComponent(name)}/versions/${encodeURIComponent(options.version)}`
        : `/v1/admin/definitions/${encodeURIComponent(name)}`;
      print(await api.request('GET', route));
    });

  const jobTypes = program.command('job-types').description('job types of a manager (admin token)');
  withApi(jobTypes.command('apply'))
    .description('create or replace the job types in a JSON or YAML file (one object or a list)')
    .argument('<file>')
    .action(async (file: string, options: ApiOptions) => {
      const api = await adminClient(options);
      const parsed = parseDefinitionText(await readText(file));
      for (const jobType of Array.isArray(parsed) ? parsed : [parsed]) {
        const saved = await api.request<{ name: string }>('POST', '/v1/admin/job-types', {
          json: jobType,
        });
        process.stderr.write(`saved job type ${saved.name}\n`);
      }
    });
  withApi(jobTypes.command('list'))
    .description('list job types')
    .action(async (options: ApiOptions) => {
      const api = await adminClient(options);
      const { jobTypes: all } = await api.request<{ jobTypes: unknown[] }>(
        'GET',
        '/v1/admin/job-types',
      );
      for (const jobType of all) print(jobType);
    });

  program
    .command('tokens')
    .description("API tokens, on the manager's database (DATABASE_URL)")
    .command('create')
    .description('make a token (or replace the one of that name) and print it once')
    .argument('<name>', 'who holds it; shown in the audit log')
    .addOption(
      new Option('--role <role>', 'submitter: runs only; admin: runs and administration')
        .choices(['submitter', 'admin'])
        .default('submitter'),
    )
    .action(async (name: string, options: { role: Role }) => {
      const sql = await openDatabase(requireDatabaseUrl(loadConfig(), 'manager'), 'manager');
      try {
        const token = generateToken();
        await saveToken(sql, name, options.role, token);
        process.stdout.write(`${token}\n`);
      } finally {
        await sql.end();
      }
    });
}
