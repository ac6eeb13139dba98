import type { KeyObject } from 'node:crypto';
import { keyIdOf, parsePublicKey } from './keys.ts';

/** A party this side trusts, as its database lists it. */
export interface TrustedParty {
  id: string;
  publicKeyPem: string;
}

/**
 * An in-memory view of a trust list, for checking signatures without a query
 * per message. A lookup miss triggers a reload (at most once per `missReloadMs`),
 * so a party trusted a moment ago is accepted without a restart.
 */
export class TrustedKeys {
  private keys = new Map<string, { keyId: string; key: KeyObject }>();
  private lastReload = 0;
  private reloading: Promise<void> | undefined;

  constructor(
    private readonly load: () => Promise<TrustedParty[]>,
    private readonly missReloadMs = 1_000,
  ) {}

  /** Reloads the list from its source. */
  async refresh(): Promise<void> {
    const parties = await this.load();
    const next = new Map<string, { keyId: string; key: KeyObject }>();
    for (const party of parties) {
      const key = parsePublicKey(party.publicKeyPem);
      next.set(party.id, { keyId: keyIdOf(key), key });
    }
    this.keys = next;
    this.lastReload = Date.now();
  }

  /** The key of a trusted `sender` with id `keyId`, or undefined (and a reload in the background). */
  lookup = (sender: string, keyId: string): KeyObject | undefined => {
    const entry = this.keys.get(sender);
    if (entry && entry.keyId === keyId) return entry.key;
    this.reloadSoon();
    return undefined;
  };

  ids(): string[] {
    return [...this.keys.keys()];
  }

  /** Resolves once a reload that started because of a miss has finished (tests, retries). */
  async settled(): Promise<void> {
    await this.reloading;
  }

  private reloadSoon(): void {
    if (this.reloading || Date.now() - this.lastReload < this.missReloadMs) return;
    this.reloading = this.refresh()
      .catch(() => undefined)
      .finally(() => {
        this.reloading = undefined;
      });
  }
}
