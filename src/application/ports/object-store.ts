/** Where exports are written (an S3 bucket): one object per key, replaced when written again. */
export interface ObjectStore {
  /** Writes `body` at `key`; throws an error naming the bucket and key when it cannot (after retries). */
  put(key: string, body: string, contentType: string): Promise<void>;
  /** Releases the store's connections. */
  close(): Promise<void>;
}
