import * as path from 'node:path';
import { createFileSource, type SchemaSource } from '../../../server/src/core/schema/loader';

/** Repository root: tests run from out/test/core/schema/ (bundled) or test/core/schema/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const SCHEMA_DIR = path.join(REPO_ROOT, 'dist', 'schema');

/** A file source over dist/schema that records what it read. */
export function recordingSource(dir = SCHEMA_DIR): SchemaSource & { reads: string[] } {
  const inner = createFileSource(dir);
  const reads: string[] = [];
  return {
    reads,
    readIndex() {
      reads.push('index.json');
      return inner.readIndex();
    },
    readPackage(relativePath: string) {
      reads.push(relativePath);
      return inner.readPackage(relativePath);
    },
  };
}

export function deployment(podSpec: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: podSpec },
      ...extra,
    },
  };
}
