/**
 * The only file of the schema layer that touches the file system. Reads `index.json` and package
 * files of the compact schema synchronously; never uses the network.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompactIndex, CompactPackage } from './types';

export interface SchemaSource {
  readIndex(): CompactIndex;
  /** A package file, by its path relative to the schema directory (as listed in the index). */
  readPackage(relativePath: string): CompactPackage;
}

export const SCHEMA_FORMAT = 1;

/**
 * Default schema directory: the extension bundle lives in `dist/*.js` and the compiled schema in
 * `dist/schema/`, so it is `<directory of the bundle>/schema`.
 */
export function defaultSchemaDir(): string {
  const beside = path.join(__dirname, 'schema');
  if (fs.existsSync(path.join(beside, 'index.json'))) return beside;
  // Bundles that do not live in dist/ (test bundles in out/test/…, benchmarks): the repository's
  // dist/schema, named by DOCKYARD_ROOT or found upward from the bundle.
  const candidates: string[] = [];
  if (process.env.DOCKYARD_ROOT) candidates.push(path.join(process.env.DOCKYARD_ROOT, 'dist', 'schema'));
  for (let dir = __dirname, i = 0; i < 8; i++) {
    candidates.push(path.join(dir, 'dist', 'schema'));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return candidates.find((c) => fs.existsSync(path.join(c, 'index.json'))) ?? beside;
}

export function createFileSource(dir: string = defaultSchemaDir()): SchemaSource {
  const read = (relativePath: string): unknown => {
    const file = path.join(dir, relativePath);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`Kubernetes schema file missing: ${file} (run scripts/build-schema.mjs)`, { cause: err });
    }
    return JSON.parse(text);
  };
  return {
    readIndex() {
      const index = read('index.json') as CompactIndex;
      if (index.format !== SCHEMA_FORMAT) {
        throw new Error(`Kubernetes schema in ${dir} has format ${index.format}, expected ${SCHEMA_FORMAT}`);
      }
      return index;
    },
    readPackage(relativePath: string) {
      if (relativePath.includes('..') || path.isAbsolute(relativePath)) {
        throw new Error(`invalid schema file path ${relativePath}`);
      }
      return read(relativePath) as CompactPackage;
    },
  };
}
