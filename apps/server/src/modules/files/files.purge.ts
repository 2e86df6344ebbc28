import type { Logger } from 'pino';
import type { Tx } from '../../platform/db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import type { BlobStore } from '../../platform/storage/blob-store';

export const BLOB_PURGE_JOB = 'files.purge-blobs';
export type BlobPurge = { storage_keys: string[] };

// A store may be down for a while (an S3 outage): the delays start under a minute and double, so ten
// retries keep trying for half a day or more. Deleting again is harmless: a missing blob is not an error.
const RETRIES = { retryLimit: 10, retryDelay: 30, retryBackoff: true };

/**
 * Queues the deletion of the sealed blobs whose rows this transaction deletes (erasure). The job exists
 * only if the transaction commits: a rolled-back erasure keeps rows and blobs together, and a committed
 * one never waits on the store, so a store failure cannot undo the erasure or its audit entry. Storage
 * keys are made from the file's own id and never reused, so a key whose row is gone names no other file.
 */
export async function purgeBlobsAfterCommit(tx: Tx, jobs: Jobs, storageKeys: string[]): Promise<void> {
  if (!storageKeys.length) return;
  await jobs.send<BlobPurge>(tx, BLOB_PURGE_JOB, { storage_keys: storageKeys }, RETRIES);
}

/**
 * The job: deletes every blob it can and fails if any could not go, so pg-boss runs it again later (the
 * blobs already gone cost nothing the second time). A job that runs out of retries is kept by pg-boss as
 * failed, with its keys, for an operator to run again.
 */
export function createBlobPurger(storage: BlobStore, logger: Logger) {
  return async ({ storage_keys: keys }: BlobPurge): Promise<void> => {
    const failed: string[] = [];
    let firstError: unknown;
    for (const key of keys) {
      try {
        await storage.delete(key);
      } catch (error) {
        failed.push(key);
        firstError ??= error;
      }
    }
    if (failed.length) {
      logger.error({ err: firstError, failed, store: storage.kind }, `could not delete ${failed.length} of ${keys.length} erased file blobs; retrying`);
      throw new Error(`${failed.length} of ${keys.length} erased file blobs are still in the ${storage.kind} store`);
    }
    logger.info({ count: keys.length, store: storage.kind }, 'erased file blobs deleted');
  };
}
