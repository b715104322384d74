/**
 * One lock per item: writes to the same item wait for each other, writes to
 * different items run side by side. While a write holds its item's lock,
 * nobody else can change that item, so the old and new images the capture
 * reads around the write are exact and the item's records join the stream in
 * the order the writes happened — even with many concurrent writers.
 *
 * A write to several items (BatchWriteItem) takes their locks in sorted order,
 * so two such writes can never wait for each other in a circle.
 */
export class ItemLocks {
  /** For each locked item, the promise that settles when its last waiter is done. */
  private readonly tails = new Map<string, Promise<void>>();

  async withLocks<T>(itemIds: readonly string[], work: () => Promise<T>): Promise<T> {
    const releases: (() => void)[] = [];
    try {
      for (const itemId of [...new Set(itemIds)].sort()) releases.push(await this.acquire(itemId));
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  private async acquire(itemId: string): Promise<() => void> {
    const previous = this.tails.get(itemId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(itemId, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(itemId) === tail) this.tails.delete(itemId);
    };
  }
}
