import type { caroni } from '../proto/generated/caroni.js';
import type { Logger } from '../common/log.ts';

export interface AnnouncerOptions {
  /** How often every trusted manager gets a fresh ad. */
  intervalMs: number;
  /** The managers to announce to: the ones this agent trusts now, and no other. */
  managers: () => string[];
  /** The ad for one manager (its job types, this agent's load, drain state). */
  adFor: (managerId: string) => caroni.v1.IAgentAnnouncement;
  /** Signs and publishes one ad. @throws BrokerError (e.g. the manager has no reply queue yet). */
  send: (managerId: string, ad: caroni.v1.IAgentAnnouncement) => Promise<void>;
  log: Logger;
}

/**
 * Sends the agent's signed capability ad to each manager it trusts, every
 * interval and at once on a change (drain, trust), so managers route pinned
 * and labelled jobs by current ads and mark the agent quiet when they stop.
 */
export class Announcer {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private again = false;

  constructor(private readonly options: AnnouncerOptions) {}

  start(): void {
    this.announceNow();
    this.timer = setInterval(() => this.announceNow(), this.options.intervalMs);
  }

  /**
   * Announces to every trusted manager now; resolves once the round is sent.
   * A call during a round starts one more after it, so the latest state goes out.
   */
  announceNow(): Promise<void> {
    if (this.round) {
      this.again = true;
      return this.round;
    }
    const round = (async () => {
      do {
        this.again = false;
        await this.sendRound();
      } while (this.again);
    })().finally(() => {
      this.round = undefined;
    });
    this.round = round;
    return round;
  }

  /** Stops the periodic ads; waits for a round in flight. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.round;
  }

  private async sendRound(): Promise<void> {
    for (const managerId of this.options.managers()) {
      try {
        await this.options.send(managerId, this.options.adFor(managerId));
      } catch (error) {
        // A manager whose bridge never ran has no reply queue; the next round tries again.
        this.options.log.debug({ err: error, managerId }, 'could not announce to a manager');
      }
    }
  }
}
