import type { ChannelModel } from 'amqplib';
import { InvalidArgumentError, type Command } from 'commander';
import { connectBroker, topologyNames, type Topology } from '../common/broker.ts';
import { loadConfig } from '../common/config.ts';
import {
  listDeadLetters,
  purgeDeadLetters,
  replayDeadLetters,
  showDeadLetter,
  type DeadLetter,
  type DeadLetterSelection,
} from '../common/dead-letters.ts';
import { CaroniError } from '../common/errors.ts';
import { print } from './api-options.ts';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('expected a positive integer');
  }
  return parsed;
}

/** Connects with the environment's broker settings, runs `work` on its topology, disconnects. */
async function withBroker<T>(
  work: (connection: ChannelModel, topology: Topology) => Promise<T>,
): Promise<T> {
  const { broker } = loadConfig();
  const connection = await connectBroker(broker.url, 'caroni-dead-letters');
  try {
    return await work(connection, { prefix: broker.prefix, queueType: broker.queueType });
  } finally {
    await connection.close();
  }
}

/** Rows as columns padded to their widest cell; the last column runs free. */
function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  }
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}

const orDash = (value: string | undefined) => (value === undefined || value === '' ? '-' : value);

function destination(letter: DeadLetter): string {
  if (letter.originalExchange === undefined) return '-';
  return `${letter.originalExchange || '(default)'}/${letter.originalRoutingKey ?? ''}`;
}

function bodySummary(letter: DeadLetter): string {
  const envelope = letter.envelope;
  return envelope
    ? `${envelope.bodyKind} ${envelope.sender}→${envelope.recipient}`
    : '(not a Caroni envelope)';
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function listTable(letters: DeadLetter[]): string {
  const header = [
    'MESSAGE ID',
    'DEAD-LETTERED AT',
    'REASON',
    'ORIGINAL DESTINATION',
    'BODY (UNVERIFIED)',
    'SIZE',
    'DETAIL',
  ];
  return table([
    header,
    ...letters.map((letter) => [
      orDash(letter.messageId),
      orDash(letter.deadLetteredAt),
      orDash(letter.reason),
      destination(letter),
      bodySummary(letter),
      String(letter.size),
      shorten(orDash(letter.detail), 80),
    ]),
  ]);
}

function showTable(letter: DeadLetter): string {
  const rows = [
    ['message id', orDash(letter.messageId)],
    ['reason', orDash(letter.reason)],
    ['detail', orDash(letter.detail)],
    ['original destination', destination(letter)],
    ['dead-lettered at', orDash(letter.deadLetteredAt)],
    ['size', `${letter.size} bytes${letter.contentType ? ` (${letter.contentType})` : ''}`],
    ['redelivered', letter.redelivered ? 'yes' : 'no'],
  ];
  const envelope = letter.envelope;
  if (envelope) {
    rows.push(
      ['envelope', 'decoded, signature NOT checked'],
      ['  id', envelope.id],
      ['  sender', envelope.sender],
      ['  recipient', envelope.recipient],
      ['  key id', envelope.keyId],
      ['  protocol version', String(envelope.protocolVersion)],
      ['  sent at', orDash(envelope.sentAt)],
      ['  body', envelope.bodyKind],
      ['  job id', orDash(envelope.jobId)],
      ['  job type', orDash(envelope.jobType)],
      ...Object.entries(envelope.headers).map(([name, value]) => [`  header ${name}`, value]),
    );
  } else {
    rows.push(['envelope', 'none: the content is not a Caroni signed envelope']);
  }
  rows.push(['headers', '']);
  for (const [name, value] of Object.entries(letter.headers)) {
    rows.push([`  ${name}`, typeof value === 'string' ? value : JSON.stringify(value)]);
  }
  return table(rows);
}

/** `--reason` or message ids, not both; `undefined` when neither is given. */
function selection(
  messageIds: string[],
  reason: string | undefined,
): DeadLetterSelection | undefined {
  if (reason !== undefined && messageIds.length > 0) {
    throw new CaroniError('invalid_input', 'choose messages by id or by --reason, not both');
  }
  if (reason !== undefined) return { reason };
  return messageIds.length > 0 ? { messageIds } : undefined;
}

interface SelectOptions {
  reason?: string;
  json: boolean;
}

/**
 * `caroni dead-letters list|show|replay|purge`: the dead-letter queue of the
 * broker and prefix in the environment (AMQP_URL, CARONI_BROKER_PREFIX).
 */
export function registerDeadLetterCommands(program: Command): void {
  const deadLetters = program
    .command('dead-letters')
    .description(
      'refused and undeliverable messages, with their reasons: list, show, replay or purge them (AMQP_URL, CARONI_BROKER_PREFIX)',
    );

  deadLetters
    .command('list')
    .description(
      'the oldest dead letters, with their reasons; they stay in the queue (marked redelivered)',
    )
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .option('--reason <reason>', 'only those refused for this reason')
    .option('--json', 'one JSON object per message instead of a table', false)
    .action(async (options: SelectOptions & { limit: number }) => {
      const { total, messages, queue } = await withBroker(async (connection, topology) => ({
        ...(await listDeadLetters(connection, topology, {
          limit: options.limit,
          reason: options.reason,
        })),
        queue: topologyNames(topology.prefix).deadLetterQueue,
      }));
      if (options.json) {
        for (const message of messages) print(message);
      } else if (messages.length > 0) {
        process.stdout.write(listTable(messages));
      }
      process.stderr.write(`${messages.length} shown of ${total} in ${queue}\n`);
    });

  deadLetters
    .command('show')
    .description('one dead letter: reason, original destination, headers and its decoded envelope')
    .argument('<message-id>', 'as `dead-letters list` shows it')
    .option('--json', 'a JSON object instead of a table', false)
    .action(async (messageId: string, options: { json: boolean }) => {
      const letter = await withBroker((connection, topology) =>
        showDeadLetter(connection, topology, messageId),
      );
      if (options.json) print(letter);
      else process.stdout.write(showTable(letter));
    });

  deadLetters
    .command('replay')
    .description(
      'republish dead letters to their original exchange and routing key, confirmed; each leaves the queue only once the broker routed it',
    )
    .argument('[message-ids...]', 'the messages to replay')
    .option('--reason <reason>', 'replay every dead letter of this reason')
    .option('--json', 'the outcome as one JSON object', false)
    .action(async (messageIds: string[], options: SelectOptions) => {
      const chosen = selection(messageIds, options.reason);
      if (!chosen) {
        throw new CaroniError('invalid_input', 'name the message ids to replay, or give --reason');
      }
      const outcome = await withBroker((connection, topology) =>
        replayDeadLetters(connection, topology, chosen),
      );
      if (options.json) {
        print(outcome);
      } else {
        for (const { messageId, exchange, routingKey } of outcome.replayed) {
          process.stdout.write(
            `replayed ${orDash(messageId)} to ${exchange || '(default)'}/${routingKey}\n`,
          );
        }
        for (const { messageId, error } of outcome.failed) {
          process.stderr.write(
            `not replayed ${orDash(messageId)}: ${error}; it stays in the dead-letter queue\n`,
          );
        }
        for (const messageId of outcome.notFound) {
          process.stderr.write(`no dead letter has message id ${messageId}\n`);
        }
        if (outcome.replayed.length + outcome.failed.length === 0 && options.reason) {
          process.stderr.write(`no dead letter has reason ${options.reason}\n`);
        }
      }
      if (outcome.failed.length > 0 || outcome.notFound.length > 0) process.exitCode = 1;
    });

  deadLetters
    .command('purge')
    .description(
      'delete dead letters for good: by id, every one of --reason, or (with --yes) all of them',
    )
    .argument('[message-ids...]', 'the messages to delete')
    .option('--reason <reason>', 'delete every dead letter of this reason')
    .option('--yes', 'needed to delete all of them', false)
    .option('--json', 'the outcome as one JSON object', false)
    .action(async (messageIds: string[], options: SelectOptions & { yes: boolean }) => {
      const chosen = selection(messageIds, options.reason) ?? { all: true as const };
      const outcome = await withBroker((connection, topology) =>
        purgeDeadLetters(connection, topology, chosen, { yes: options.yes }),
      );
      if (options.json) {
        print(outcome);
      } else {
        process.stdout.write(
          `purged ${outcome.purged} dead letter${outcome.purged === 1 ? '' : 's'}\n`,
        );
        for (const messageId of outcome.notFound) {
          process.stderr.write(`no dead letter has message id ${messageId}\n`);
        }
      }
      if (outcome.notFound.length > 0) process.exitCode = 1;
    });
}
