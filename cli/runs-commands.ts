import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { RunPage } from '../api/run-list.ts';
import type { RunView } from '../api/runs.ts';
import type { ScheduleView } from '../api/schedules.ts';
import { CaroniError } from '../common/errors.ts';
import type { StepLog } from '../db/job-logs.ts';
import { isJsonObject, type Json, type JsonObject } from '../common/json.ts';
import type { StepState } from '../workflows/messages.ts';
import { apiClient, print, withApi, type ApiOptions } from './api-options.ts';
import { followRun } from './run-events.ts';
import { followStepLog } from './step-logs.ts';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('expected a positive integer');
  }
  return parsed;
}

function parseJson(text: string, where: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new CaroniError(
      'invalid_input',
      `${where} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function parseJsonObject(text: string, where: string): JsonObject {
  const value = parseJson(text, where);
  if (!isJsonObject(value))
    throw new CaroniError('invalid_input', `${where} must be a JSON object`);
  return value;
}

const runPath = (id: string) => `/v1/runs/${encodeURIComponent(id)}`;
const stepPath = (id: string, step: string) => `${runPath(id)}/steps/${encodeURIComponent(step)}`;
const schedulePath = (id: string) => `/v1/admin/schedules/${encodeURIComponent(id)}`;

interface ListOptions extends ApiOptions {
  status?: string;
  workflow?: string;
  version?: number;
  startedAfter?: string;
  startedBefore?: string;
  limit?: number;
  cursor?: string;
  all: boolean;
}

async function listRuns(options: ListOptions): Promise<void> {
  const api = await apiClient(options, 'site');
  const query = new URLSearchParams();
  const filters = {
    status: options.status,
    workflow: options.workflow,
    version: options.version,
    startedAfter: options.startedAfter,
    startedBefore: options.startedBefore,
    limit: options.limit,
  };
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined) query.set(name, String(value));
  }
  let cursor = options.cursor;
  for (;;) {
    if (cursor !== undefined) query.set('cursor', cursor);
    const page = await api.request<RunPage>('GET', `/v1/runs?${query}`);
    for (const run of page.runs) print(run);
    cursor = page.nextCursor;
    if (cursor === undefined) return;
    if (!options.all) {
      process.stderr.write(`more runs: --cursor ${cursor} (or --all)\n`);
      return;
    }
  }
}

function registerRuns(program: Command): void {
  const runs = program
    .command('runs')
    .description("list, read, follow and control the site's runs");

  withApi(runs.command('list'))
    .description('list runs, newest first, one JSON line each (top-level runs only)')
    .option(
      '--status <status>',
      'RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT or CONTINUED_AS_NEW; comma-separated for several',
    )
    .option('--workflow <name>', 'only runs of this workflow definition')
    .option('--version <n>', 'only runs of this definition version', positiveInteger)
    .option('--started-after <time>', 'ISO 8601 time')
    .option('--started-before <time>', 'ISO 8601 time')
    .option('--limit <n>', 'runs per page (default 50, at most 500)', positiveInteger)
    .option('--cursor <cursor>', 'continue after a previous page')
    .option('--all', 'follow the pages to the end', false)
    .action((options: ListOptions) => listRuns(options));

  withApi(runs.command('get'))
    .description('a run: status, steps, output or error, Temporal Web link')
    .argument('<id>', 'run id')
    .action(async (id: string, options: ApiOptions) => {
      print(await (await apiClient(options, 'site')).request<RunView>('GET', runPath(id)));
    });

  withApi(runs.command('cancel'))
    .description('cancel a run (running jobs are stopped)')
    .argument('<id>', 'run id')
    .action(async (id: string, options: ApiOptions) => {
      const api = await apiClient(options, 'site');
      print(await api.request<{ id: string }>('POST', `${runPath(id)}/cancel`));
    });

  withApi(runs.command('signal'))
    .description('send a named signal to a run (an approval step waits for its name)')
    .argument('<id>', 'run id')
    .argument('<name>', 'signal name')
    .option('--payload <json>', 'any JSON value; an approval step outputs it')
    .action(async (id: string, name: string, options: ApiOptions & { payload?: string }) => {
      const payload =
        options.payload === undefined ? null : parseJson(options.payload, '--payload');
      const api = await apiClient(options, 'site');
      print(
        await api.request<{ id: string }>('POST', `${runPath(id)}/signals`, {
          json: { name, payload },
        }),
      );
    });

  withApi(runs.command('retry'))
    .description('retry a paused step (its jobs run again, with new job ids)')
    .argument('<id>', 'run id')
    .argument('<step>', 'step id')
    .action(async (id: string, step: string, options: ApiOptions) => {
      const api = await apiClient(options, 'site');
      print(await api.request<StepState>('POST', `${stepPath(id, step)}/retry`));
    });

  withApi(runs.command('skip'))
    .description('skip a paused step, with an output for the steps after it')
    .argument('<id>', 'run id')
    .argument('<step>', 'step id')
    .option('--output <json>', "the step's output (default null)")
    .action(async (id: string, step: string, options: ApiOptions & { output?: string }) => {
      const output = options.output === undefined ? null : parseJson(options.output, '--output');
      const api = await apiClient(options, 'site');
      print(
        await api.request<StepState>('POST', `${stepPath(id, step)}/skip`, { json: { output } }),
      );
    });

  withApi(runs.command('logs'))
    .description(
      "a step's job log (its program's stdout and stderr): all of it once the job has ended, its end while it runs",
    )
    .argument('<id>', 'run id')
    .argument('<step>', 'step id')
    .option('--attempt <n>', 'a dispatch attempt (default the latest)', positiveInteger)
    .option('--follow', 'print the log as it grows until the job ends', false)
    .action(
      async (
        id: string,
        step: string,
        options: ApiOptions & { attempt?: number; follow: boolean },
      ) => {
        const api = await apiClient(options, 'site');
        const write = (text: string) => process.stdout.write(text);
        const note = (text: string) => process.stderr.write(text);
        if (options.follow) {
          await followStepLog(api, id, step, { attempt: options.attempt, write, note });
          return;
        }
        const query = options.attempt === undefined ? '' : `?attempt=${options.attempt}`;
        const log = await api.request<StepLog>('GET', `${stepPath(id, step)}/log${query}`);
        if (!log.complete) {
          note(
            `[caroni: the job still runs; the last ${Buffer.byteLength(log.text)} of ${log.bytes} bytes so far]\n`,
          );
        }
        write(log.text);
      },
    );

  withApi(runs.command('events'))
    .description('follow a run: one JSON line per event ({event, id, data}) until it ends')
    .argument('<id>', 'run id')
    .action(async (id: string, options: ApiOptions) => {
      await followRun(await apiClient(options, 'site'), id, print);
    });
}

interface CreateOptions extends ApiOptions {
  version?: number;
  input?: string;
  inputFile?: string;
  cron?: string;
  intervalMs?: number;
  paused: boolean;
}

function registerSchedules(program: Command): void {
  const schedules = program
    .command('schedules')
    .description('runs started on a schedule (admin token)');

  withApi(schedules.command('create'))
    .description(
      'create a schedule; the definition version is fixed now (re-create it for a new version)',
    )
    .argument('<id>', 'schedule id (its runs are named schedule-<id>-<time>)')
    .argument('<workflow>', 'workflow definition name')
    .option('--version <n>', 'definition version (default: latest)', positiveInteger)
    .option('--input <json>', 'run input as a JSON object')
    .option('--input-file <file>', 'read the run input from a JSON file')
    .option('--cron <expr>', 'cron expression (UTC), e.g. "0 3 * * *"')
    .option('--interval-ms <n>', 'fire every n milliseconds (at least 1000)', positiveInteger)
    .option('--paused', 'create it paused', false)
    .action(async (id: string, workflow: string, options: CreateOptions) => {
      const input = options.inputFile
        ? parseJsonObject(await readFile(options.inputFile, 'utf8'), options.inputFile)
        : parseJsonObject(options.input ?? '{}', '--input');
      const api = await apiClient(options, 'admin');
      const body = {
        id,
        workflow,
        version: options.version,
        input,
        cron: options.cron,
        intervalMs: options.intervalMs,
        paused: options.paused,
      };
      print(await api.request<ScheduleView>('POST', '/v1/admin/schedules', { json: body }));
    });

  withApi(schedules.command('list'))
    .description('list schedules, one JSON line each')
    .action(async (options: ApiOptions) => {
      const api = await apiClient(options, 'admin');
      const { schedules: all } = await api.request<{ schedules: ScheduleView[] }>(
        'GET',
        '/v1/admin/schedules',
      );
      for (const schedule of all) print(schedule);
    });

  const onSchedule = (name: string, description: string, method: string, suffix: string) =>
    withApi(schedules.command(name))
      .description(description)
      .argument('<id>', 'schedule id')
      .action(async (id: string, options: ApiOptions) => {
        const api = await apiClient(options, 'admin');
        print(await api.request<ScheduleView | { id: string }>(method, schedulePath(id) + suffix));
      });
  onSchedule('get', 'a schedule, with its input and recent and next runs', 'GET', '');
  onSchedule('pause', 'pause a schedule (no runs start until unpaused)', 'POST', '/pause');
  onSchedule('unpause', 'unpause a schedule', 'POST', '/unpause');
  onSchedule('delete', 'delete a schedule (runs it started go on)', 'DELETE', '');
}

/** `caroni runs …` and `caroni schedules …`: the API's runs and schedules, from the command line. */
export function registerRunsCommands(program: Command): void {
  registerRuns(program);
  registerSchedules(program);
}
