/** Job types the bench's agents serve (a module of its own: the workflow bundle imports it). */
export const BenchJobTypes = {
  /** Returns `{}` at once: the bridged twin of the native `noop` activity. */
  noop: 'bench.noop',
  /** Runs until the bench releases it (or the job is aborted): a job held in flight. */
  hold: 'bench.hold',
} as const;
