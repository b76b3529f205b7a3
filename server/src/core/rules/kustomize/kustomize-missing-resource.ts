import { defineRule } from '../define';
import { dirOf, isKustomizationPath, isRemote, joinPath, kustomizationIn, readKustomization, type KRef } from '../../kubernetes/kustomize';

/**
 * An entry of a kustomization that names nothing: `resources`, `components`, `patches[].path`,
 * `patchesStrategicMerge`, `configMapGenerator` / `secretGenerator` `files` and `envs`. A folder in
 * `resources` or `components` needs its own kustomization. Paths are read through the host's
 * repository files: a path that leaves the repository is reported and never read. Remote bases are
 * not checked (nothing is fetched).
 */
export const kustomizeMissingResource = defineRule({
  id: 'kustomize-missing-resource',
  category: 'kubernetes',
  target: 'yaml-document',
  kubernetesOnly: false,
  defaultSeverity: 'error',
  references: [{ title: 'kustomization.yaml reference', url: 'https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/' }],
  docs: {
    summary: 'A kustomization names a resource, component, patch or generator file that does not exist (or a folder without a kustomization).',
    risk: '`kustomize build` / `kubectl apply -k` fails, or a base silently drops out of the layout a reader expects.',
    fix: 'Correct the path (relative to the kustomization), add the missing file, or give the folder a kustomization.yaml.',
  },
  messages: {
    missing: '{field} entry "{entry}" does not exist.',
    noKustomization: '{field} entry "{entry}" is a folder without a kustomization.yaml.',
    notAFile: '{field} entry "{entry}" is a folder, not a file.',
    outside: '{field} entry "{entry}" lies outside the repository; Dockyard does not read it.',
  },
  check(ctx, m) {
    if (!isKustomizationPath(ctx.path) || ctx.helm) return;
    const files = ctx.providers.files;
    if (!files) return;
    const k = readKustomization(ctx.doc.contents);
    const dir = dirOf(ctx.path);
    const check = (field: string, refs: KRef[], folders: boolean) => {
      for (const ref of refs) {
        if (!ref.value || isRemote(ref.value)) continue;
        const p = joinPath(dir, ref.value);
        const st = files.stat(p);
        const args = { field, entry: ref.value };
        const range = ctx.doc.rangeOf(ref.node);
        if (st === 'missing') ctx.report({ range, message: m('missing', args) });
        else if (st === 'outside') ctx.report({ range, message: m('outside', args) });
        else if (st === 'directory' && !folders) ctx.report({ range, message: m('notAFile', args) });
        else if (st === 'directory' && !kustomizationIn(files, p)) ctx.report({ range, message: m('noKustomization', args) });
      }
    };
    check('resources', k.resources, true);
    check('components', k.components, true);
    check('patches', k.patches.flatMap((p) => (p.file ? [p.file] : [])), false);
    check('generator', k.generatorFiles, false);
  },
});
