import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import {
  isCallMessage,
  type CallMessage,
  type CallName,
  type ChildCalls,
  type ChildStatus,
  type ReplyMessage,
  type StartMessage,
} from '../ipc.ts';

/** A service a bench child runs: what it can report, release and how it stops. */
export interface ChildService {
  status(): ChildStatus;
  release?(): number;
  stop(): Promise<void>;
}

/**
 * Runs `start` in a child the bench spawned with an IPC channel, then answers
 * the bench's calls (see `bench/ipc.ts`) until told to stop. The profiler is
 * driven through the inspector in this process, so a profile covers exactly
 * the window the bench asks for. When the bench goes away (its IPC channel
 * closes) the service stops too: a child never outlives the run.
 */
export async function serveChild(start: () => Promise<ChildService>): Promise<void> {
  const send = (message: StartMessage | ReplyMessage) =>
    new Promise<void>((resolve) => {
      if (!process.send) throw new Error('a bench child needs an IPC channel to the bench');
      process.send(message, () => resolve());
    });
  // Until the service is up there is nothing to stop gracefully: a bench that goes away takes the child with it.
  const orphaned = () => process.exit(1);
  process.once('disconnect', orphaned);
  let service: ChildService;
  try {
    service = await start();
  } catch (error) {
    await send({ started: false, error: (error as Error).stack ?? String(error) });
    process.exit(1);
  }
  const session = new Session();
  session.connect();
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= service.stop());

  const calls: {
    [K in CallName]: (arg: ChildCalls[K]['arg']) => Promise<ChildCalls[K]['result']>;
  } = {
    async profileStart() {
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      return null;
    },
    async profileStop({ file }) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      return null;
    },
    async status() {
      return { ...service.status(), heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 };
    },
    async gc() {
      // Children run with --expose-gc (bench/children.ts).
      if (typeof globalThis.gc !== 'function') throw new Error('started without --expose-gc');
      globalThis.gc();
      return null;
    },
    async release() {
      if (!service.release) throw new Error('this child holds no jobs');
      return { released: service.release() };
    },
    async stop() {
      await stop();
      return null;
    },
  };

  process.on('message', (message: unknown) => {
    if (!isCallMessage(message)) return;
    void answer(message).then(async (reply) => {
      await send(reply);
      if (message.call === 'stop') process.exit(0);
    });
  });
  process.off('disconnect', orphaned);
  if (!process.connected) {
    // The bench went away while the service started: nobody will ever stop it.
    await service.stop();
    process.exit(1);
  }
  process.on('disconnect', () => {
    void stop().finally(() => process.exit(0));
  });

  async function answer(message: CallMessage): Promise<ReplyMessage> {
    try {
      const call = calls[message.call] as (arg: unknown) => Promise<ChildCalls[CallName]['result']>;
      if (!call) throw new Error(`unknown call ${message.call}`);
      return { id: message.id, ok: true, result: await call(message.arg) };
    } catch (error) {
      return { id: message.id, ok: false, error: (error as Error).message };
    }
  }

  await send({ started: true });
}
