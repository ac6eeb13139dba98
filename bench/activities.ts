/**
 * The native baseline's only activity: it does what a `bench.noop` handler
 * does on an agent (nothing) and returns the same output.
 */
export const nativeActivities = {
  async noop(): Promise<Record<string, never>> {
    return {};
  },
};

export type NativeActivities = typeof nativeActivities;

/** The task queue of the native activity worker, beside the manager's workflow worker. */
export const nativeTaskQueue = 'bench-native';
