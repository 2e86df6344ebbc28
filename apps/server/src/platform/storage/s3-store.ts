import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { type BlobStore, checkKey } from './blob-store';

export type S3Settings = {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  forcePathStyle: boolean;
};

/**
 * Sealed files in an S3-compatible bucket (AWS S3, MinIO). Encryption stays on our side: the bucket
 * holds the same ciphertext the local store would, so a leaked bucket or pre-signed URL reveals nothing.
 */
export function createS3Store(settings: S3Settings): BlobStore {
  const client = new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
      : {}),
  });
  const Bucket = settings.bucket;
  return {
    kind: 's3',
    async put(key, body) {
      // Multipart upload in 8 MiB parts; an aborted stream aborts the upload, so no object appears.
      const upload = new Upload({ client, params: { Bucket, Key: checkKey(key), Body: body }, partSize: 8 * 1024 * 1024, queueSize: 2 });
      await upload.done();
    },
    async get(key) {
      const out = await client.send(new GetObjectCommand({ Bucket, Key: checkKey(key) }));
      if (!(out.Body instanceof Readable)) throw new Error('The S3 response has no body stream');
      return out.Body;
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checkKey(key) }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: checkKey(key) }));
        return true;
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
        throw error;
      }
    },
  };
}
