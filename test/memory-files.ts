import type { WorkspaceFiles } from '../server/src/core/providers';

/**
 * An in-memory repository for rules that read other files (kustomize): `files` maps paths under
 * `root` to their text; folders are the paths' parents; anything outside `root` is `outside`.
 * Give it to an analyzer's providers (`analyzerWith({ files })`, the RuleTester's `providers` option).
 */
export function useMemoryFiles(root: string, files: Record<string, string>): WorkspaceFiles {
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) for (let d = p.slice(0, p.lastIndexOf('/')); d.length > root.length; d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d);
  dirs.add(root);
  const inside = (p: string) => p === root || p.startsWith(root + '/');
  const wf: WorkspaceFiles = {
    stat: (p) => (!inside(p) ? 'outside' : p in files ? 'file' : dirs.has(p) ? 'directory' : 'missing'),
    read: (p) => (inside(p) ? files[p] : undefined),
  };
  return wf;
}
