import { setTimeout as sleep } from 'node:timers/promises';
import type { RunEnd } from '../api/run-events.ts';
import { CaroniError } from '../common/errors.ts';
import type { StepState } from '../workflows/messages.ts';
import type { ApiClient } from './api-client.ts';

/** One server-sent event: its type (`message` when unnamed), data lines joined, and id. */
export interface ServerEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * Reads a `text/event-stream` body event by event (fields `event`, `data`,
 * `id`; comments and unknown fields are skipped). Ends when the body does.
 */
export async function* readServerEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let id: string | undefined;
  let data: string[] = [];
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    // A trailing CR may be the first half of a CRLF: hold it back with the unfinished line.
    const held = buffer.endsWith('\r') ? '\r' : '';
    const lines = buffer.slice(0, buffer.length - held.length).split(/\r\n|\r|\n/);
    buffer = (lines.pop() ?? '') + held;
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) yield { event, data: data.join('\n'), id };
        event = 'message';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
  }
}

/** What following a run reports: each step change, then the run's end. */
export type RunEvent =
  { event: 'step'; id: number; data: StepState } | { event: 'end'; id: number; data: RunEnd };

/** Reconnects in a row, without an event in between, before giving up. */
const MAX_RECONNECTS = 5;

async function apiError(response: Response, route: string): Promise<CaroniError> {
  const text = await response.text();
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (error?.code && error.message) return new CaroniError(error.code, error.message);
  } catch {
    // Not the API's JSON error: report the status and the start of the body below.
  }
  return new CaroniError(
    'api_error',
    `HTTP ${response.status} from ${route}: ${text.slice(0, 200)}`,
  );
}

/**
 * Follows a run over `GET /v1/runs/{id}/events` until its `end` event,
 * calling `onEvent` for every event. A dropped connection is resumed with
 * `Last-Event-ID` (the server then sends every step's current state again).
 *
 * @returns the run's end: status, output or error.
 * @throws CaroniError with the API's code (e.g. `run_not_found`), or
 *   `events_interrupted` when the stream keeps breaking.
 */
export async function followRun(
  api: ApiClient,
  id: string,
  onEvent: (event: RunEvent) => void,
): Promise<RunEnd> {
  const route = `/v1/runs/${encodeURIComponent(id)}/events`;
  let lastEventId = 0;
  let failures = 0;
  let problem = 'the stream ended before the run did';
  for (;;) {
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastEventId > 0) headers['last-event-id'] = String(lastEventId);
      const response = await api.fetch('GET', route, undefined, headers);
      if (!response.ok) throw await apiError(response, route);
      if (!response.body) throw new CaroniError('events_interrupted', `${route} sent no body`);
      for await (const message of readServerEvents(response.body)) {
        if (message.event === 'error') {
          problem = message.data;
          continue;
        }
        if (message.event !== 'step' && message.event !== 'end') continue;
        failures = 0;
        lastEventId = Number(message.id ?? lastEventId);
        const event = { event: message.event, id: lastEventId, data: JSON.parse(message.data) };
        onEvent(event as RunEvent);
        if (message.event === 'end') return event.data as RunEnd;
      }
    } catch (error) {
      // The API answered with an error of its own (e.g. no such run): reconnecting cannot help.
      if (error instanceof CaroniError && error.code !== 'api_unreachable') throw error;
      problem = (error as Error).message;
    }
    if (++failures > MAX_RECONNECTS) {
      throw new CaroniError(
        'events_interrupted',
        `following run ${id} failed ${MAX_RECONNECTS} times in a row (${problem}); \`caroni runs get ${id}\` shows where it is`,
      );
    }
    await sleep(1_000);
  }
}
