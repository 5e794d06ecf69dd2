/**
 * Runs async tasks one at a time, in call order: the in-process half of the
 * registry's writer serialisation (the database's lock is the other half).
 * A promise chain rather than a dependency; a failed task does not stop the
 * ones queued behind it.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
