import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fault suite's own Temporal dev server (test/faults/global-setup.ts). */
    faultsTemporal: {
      address: string;
      /** Folder of its database file, `temporal.sqlite`. */
      dataDir: string;
      logFile: string;
      pid: number;
    };
  }
}
