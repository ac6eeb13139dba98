import amqp from 'amqplib';

type Url = Parameters<typeof amqp.connect>[0];

/**
 * The `--nodelay` experiment: every AMQP connection this process opens gets
 * TCP_NODELAY, which amqplib leaves off by default (and `connectBroker` does
 * not ask for). Patched here, in a bench child only, to measure what the
 * product would gain without changing it.
 */
export function forceNoDelay(): void {
  // The overloads differ only in what they return; every call goes through the same function.
  const connect = amqp.connect.bind(amqp) as (url: Url, socketOptions?: object) => Promise<unknown>;
  Reflect.set(amqp, 'connect', (url: Url, socketOptions?: object) =>
    connect(url, { ...socketOptions, noDelay: true }),
  );
}

/** Applies {@link forceNoDelay} when the bench asked for it (`BENCH_NODELAY=1`). */
export function applyNoDelayFromEnv(): void {
  if (process.env.BENCH_NODELAY === '1') forceNoDelay();
}
