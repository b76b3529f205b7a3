import { defineRule } from '../define';
import { dirOf, isKustomizationPath, joinPath, kustomizationObjects, objectMatches, patchIdentities, readKustomization } from '../../kubernetes/kustomize';

/**
 * A patch that matches no object of its kustomization's bases: its `target` (kind / name /
 * namespace), or the kind and name of a strategic-merge patch (file or inline). kustomize fails on
 * such a patch; a renamed base object is the usual cause. Targets that select by labels or
 * annotations are not judged; a target name is taken literally (kustomize also reads it as a
 * regular expression), so one with regular-expression characters is not judged either.
 */
export const kustomizePatchTarget = defineRule({
  id: 'kustomize-patch-target',
  category: 'kubernetes',
  target: 'yaml-document',
  kubernetesOnly: false,
  defaultSeverity: 'error',
  references: [{ title: 'kustomize patches', url: 'https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/patches/' }],
  docs: {
    summary: 'A kustomize patch whose target (or strategic-merge kind/name) matches no object of its bases.',
    risk: '`kustomize build` fails with "no matches for Id", or the change the overlay was meant to make never happens.',
    fix: 'Use the kind and name the base gives the object (before this overlay\'s namePrefix/nameSuffix), or drop the patch.',
  },
  messages: {
    noMatch: 'The patch targets {kind} "{name}", which no resource of this kustomization defines.',
    noMatchKind: 'The patch targets kind {kind}, which no resource of this kustomization defines.',
  },
  check(ctx, m) {
    if (!isKustomizationPath(ctx.path) || ctx.helm) return;
    const files = ctx.providers.files;
    if (!files) return;
    const k = readKustomization(ctx.doc.contents);
    if (!k.patches.length) return;
    const dir = dirOf(ctx.path);
    const objects = kustomizationObjects(ctx.providers, files, ctx.path, k);
    for (const p of k.patches) {
      const range = ctx.doc.rangeOf(p.node);
      if (p.target) {
        const t = p.target;
        if (t.selector || (t.name !== undefined && /[*+?^$()[\]{}|\\]/.test(t.name))) continue;
        if (t.kind === undefined && t.name === undefined) continue;
        if (objects.some((o) => objectMatches(o, t.kind, t.name, t.namespace))) continue;
        if (t.name !== undefined) ctx.report({ range, message: m('noMatch', { kind: t.kind ?? '*', name: t.name }) });
        else ctx.report({ range, message: m('noMatchKind', { kind: t.kind! }) });
        continue;
      }
      const text = p.file ? files.read(joinPath(dir, p.file.value)) : p.inline;
      if (text === undefined) continue; // a missing file: kustomize-missing-resource says so
      for (const id of patchIdentities(text)) {
        if (objects.some((o) => objectMatches(o, id.kind, id.name, id.namespace))) continue;
        ctx.report({ range, message: m('noMatch', { kind: id.kind, name: id.name ?? '' }) });
      }
    }
  },
});
