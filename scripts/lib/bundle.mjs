// One way for the scripts that run Dockyard's core in process (bench, doubling, rule costs, peer
// agreement) to get it: an entry bundled by esbuild into one CommonJS file under out/, then loaded.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Bundle `entry` (a path from the project root) or `contents` (TypeScript source resolved from the
 * root) into `outfile`; returns `outfile`. esbuild is imported here only, so a script's child
 * processes that just load the bundle never need it.
 */
export async function bundle({ entry, contents, outfile, minify = false }) {
  const { buildSync } = await import('esbuild');
  buildSync({
    ...(entry ? { entryPoints: [path.join(ROOT, entry)] } : { stdin: { contents, resolveDir: ROOT, loader: 'ts' } }),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify,
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** `bundle`, then `require` the result. */
export async function bundleAndLoad(options) {
  return createRequire(import.meta.url)(await bundle(options));
}
