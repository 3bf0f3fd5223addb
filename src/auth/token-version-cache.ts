/** What a user's tokens are checked against: their current version, or DELETED. */
export const DELETED = Number.POSITIVE_INFINITY;

interface Entry {
  version: number;
  loadedAt: number;
}

/**
 * Each user's current token version as this process last learnt it, from the database or from a
 * revocation message. Versions only grow (a trigger bumps them), so a value is never lowered: a
 * database read that started before a revocation message arrived cannot undo it. An entry older
 * than maxAgeMs is not trusted, which bounds how long a lost message (or a row deleted by hand)
 * can go unnoticed. clear() starts a new epoch, so a read begun before it is not stored after it.
 */
export class TokenVersionCache {
  private readonly entries = new Map<string, Entry>();
  private epochValue = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get epoch(): number {
    return this.epochValue;
  }

  /** The version, or undefined when unknown or too old to trust. */
  get(userId: string): number | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (this.now() - entry.loadedAt > this.maxAgeMs) {
      this.entries.delete(userId);
      return undefined;
    }
    return entry.version;
  }

  /** Records a version read from the database at `epoch`; ignored when the cache was cleared since. */
  loaded(userId: string, version: number, epoch: number): void {
    if (epoch !== this.epochValue) return;
    const known = this.get(userId);
    this.entries.set(userId, { version: known === undefined ? version : Math.max(known, version), loadedAt: this.now() });
  }

  /** Records a revocation: tokens older than `version` are refused from now on. */
  revoked(userId: string, version: number): void {
    const known = this.entries.get(userId)?.version;
    this.entries.set(userId, { version: known === undefined ? version : Math.max(known, version), loadedAt: this.now() });
  }

  clear(): void {
    this.entries.clear();
    this.epochValue++;
  }

  get size(): number {
    return this.entries.size;
  }
}
