/**
 * What the bench must undo (processes, databases, queues, the dev server),
 * in reverse order of creation. Every step runs even when an earlier one
 * fails, so one stuck resource does not leak the rest.
 */
export class Cleanup {
  private readonly steps: { what: string; undo: () => Promise<unknown> }[] = [];

  add(what: string, undo: () => Promise<unknown>): void {
    this.steps.push({ what, undo });
  }

  /** Runs every step, newest first. @returns what could not be undone, with why. */
  async run(): Promise<string[]> {
    const failures: string[] = [];
    for (const { what, undo } of this.steps.splice(0).reverse()) {
      try {
        await undo();
      } catch (error) {
        failures.push(`${what}: ${(error as Error).message}`);
      }
    }
    return failures;
  }
}
