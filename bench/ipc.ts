/**
 * What the bench and its child processes (worker, bridge, agent) say to each
 * other over Node's IPC channel: the bench calls, the child answers with the
 * same id. Shared by both sides so the names cannot drift apart.
 */

/** Every call a child answers, with its argument and its result. */
export interface ChildCalls {
  /** Starts the V8 sampling profiler in the child. */
  profileStart: { arg: null; result: null };
  /** Stops it and writes the `.cpuprofile` to the given file. */
  profileStop: { arg: { file: string }; result: null };
  /** What the child's service reports of itself (see {@link ChildStatus}). */
  status: { arg: null; result: ChildStatus };
  /** Runs a full garbage collection, so a memory reading shows what is live. */
  gc: { arg: null; result: null };
  /** Lets every held `bench.hold` job finish (agent only). @returns how many were held. */
  release: { arg: null; result: { released: number } };
  /** Stops the service gracefully; the child exits once it has answered. */
  stop: { arg: null; result: null };
}

export type CallName = keyof ChildCalls;

/** Counters a child reports; each service fills what it has. */
export interface ChildStatus {
  /** V8 heap in use (live objects and garbage not yet collected), MB: set by every child. */
  heapUsedMb?: number;
  /** Agent: handlers running now. */
  running?: number;
  /** Agent: `bench.hold` jobs waiting for a release. */
  held?: number;
  /** Agent: handler runs started since start. */
  jobsRun?: number;
  /** Agent: refused deliveries by reason; anything here is a bug in the bench setup. */
  refused?: Record<string, number>;
  /** Bridge: the reply consumer's counts by outcome (`delivered_progress`, ...). */
  replies?: Record<string, number>;
}

export interface CallMessage<K extends CallName = CallName> {
  id: number;
  call: K;
  arg: ChildCalls[K]['arg'];
}

export type ReplyMessage =
  | { id: number; ok: true; result: ChildCalls[CallName]['result'] }
  | { id: number; ok: false; error: string };

/** The child's first message: its service is up, or it could not start. */
export type StartMessage = { started: true } | { started: false; error: string };

export function isCallMessage(value: unknown): value is CallMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'number' &&
    typeof (value as { call?: unknown }).call === 'string'
  );
}

export function isReplyMessage(value: unknown): value is ReplyMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'number' &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

export function isStartMessage(value: unknown): value is StartMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { started?: unknown }).started === 'boolean'
  );
}
