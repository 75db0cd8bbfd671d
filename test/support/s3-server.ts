// A real S3-compatible server for tests: s3rver on 127.0.0.1 (random port, its own temp
// directory, one bucket), and an AWS SDK v3 client to read back what was written. Call `close()`:
// it destroys the client before stopping the server.
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';
import { tempDir } from './cli.js';

/** What the SDK signs with against s3rver (it accepts these; no real credentials anywhere). */
export const DUMMY_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const TEST_REGION = 'us-east-1';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** The environment an SDK client of the service needs to reach this server. */
  env: Record<string, string>;
  keys(prefix?: string): Promise<string[]>;
  read(key: string): Promise<{ body: string; contentType: string | undefined }>;
  close(): Promise<void>;
}

export async function startS3Server(bucket = 'nurture-exports'): Promise<S3TestServer> {
  const directory = tempDir('nurture-s3-');
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client({ endpoint, forcePathStyle: true, region: TEST_REGION, credentials: DUMMY_CREDENTIALS });
  return {
    endpoint,
    bucket,
    env: { AWS_ENDPOINT_URL_S3: endpoint, AWS_REGION: TEST_REGION, AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey },
    async keys(prefix) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (listed.Contents ?? []).map((o) => o.Key!).sort();
    },
    async read(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return { body: await object.Body!.transformToString(), contentType: object.ContentType };
    },
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
