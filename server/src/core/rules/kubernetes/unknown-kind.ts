import { YamlEditor } from '../../fixes/yaml-edit';
import { checkDocument } from '../../kubernetes/check';
import { lastPair } from '../../kubernetes/locate';
import { kindIndex } from '../../kubernetes/schema';
import { isMap, isScalar, type YScalar } from '../../model/yaml';
import { nearestName } from '../../schema';
import type { Fix, Message } from '../../types';
import { defineRule } from '../define';

/**
 * apiVersion/kind pairs the selected Kubernetes version does not serve. API groups that are not part
 * of Kubernetes (CRDs) are skipped unless `kubernetes.crdSchemas` names a schema for the kind;
 * apiVersions listed in the lifecycle table are left to deprecated-api / removed-api.
 */
export const unknownKind = defineRule({
  id: 'unknown-kind',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  equivalents: ['kube-linter:schema-validation'],
  references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  docs: {
    summary: 'An apiVersion/kind pair the selected Kubernetes version does not serve. Custom resources (API groups outside Kubernetes) are skipped unless `kubernetes.crdSchemas` names a schema for them.',
    risk: 'kubectl apply fails with "no matches for kind"; in a multi-document file the other objects may be applied without this one.',
    fix: 'Correct the kind or the apiVersion (the quick fix offers the nearest match), select another Kubernetes version (`kubernetes.version`), or configure the CRD schema of a custom resource.',
  },
  messages: {
    message: 'Kubernetes {version} has no kind "{kind}" in {apiVersion}.',
    suggest: 'Kubernetes {version} has no kind "{kind}" in {apiVersion}; did you mean "{suggestion}"?',
    apiVersion: 'Kubernetes {version} does not serve {apiVersion} (kind "{kind}").',
    otherApiVersion: 'Kubernetes {version} serves "{kind}" as {expected}, not {apiVersion}.',
    fixApiVersion: 'Change apiVersion to {apiVersion}',
    fixKind: 'Change kind to {kind}',
    suggestOther: 'Kubernetes {version} has no kind "{kind}" in {apiVersion}; did you mean "{suggestion}" ({expected})?',
    fixBoth: 'Change to {apiVersion} {kind}',
    crdUnreadable: 'The schema file "{file}" configured for {kind} (kubernetes.crdSchemas) cannot be read.',
    crdNoVersion: 'The CustomResourceDefinition in "{file}" does not define {apiVersion} for {kind} (versions: {versions}).',
    crdNoKind: '"{file}" (kubernetes.crdSchemas) holds neither a CustomResourceDefinition for {kind} in {apiVersion} nor a JSON schema.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    const c = checkDocument(doc, ctx.config, ctx.path, ctx.providers, ctx.workspaceCrd);
    const root = doc.contents;
    if (!c || !isMap(root)) return;
    const apiPair = lastPair(root, 'apiVersion');
    const kindPair = lastPair(root, 'kind');
    if (!apiPair || !kindPair) return;
    const { apiVersion, kind } = c.id;
    if (c.status === 'crd-problem' && c.crd) {
      const crd = c.crd;
      const args = { file: crd.file, kind, apiVersion };
      const message =
        crd.status === 'unreadable'
          ? m('crdUnreadable', args)
          : crd.status === 'no-version'
            ? m('crdNoVersion', { ...args, versions: crd.versions.join(', ') })
            : m('crdNoKind', args);
      ctx.report({ range: doc.valueRange(crd.status === 'no-version' ? apiPair : kindPair), message });
      return;
    }
    if (c.status !== 'unknown-kind') return;
    const version = c.schemaVersion;
    const idx = kindIndex(ctx.providers, version);
    const editor = new YamlEditor(doc);
    const servedKinds = idx.byApiVersion.get(apiVersion);
    // The kind is served under another apiVersion (whether or not this group-version is served).
    const elsewhere = idx.byKind.get(kind);
    if (elsewhere?.length) {
      const expected = elsewhere[0];
      ctx.report({
        range: doc.valueRange(apiPair),
        message: m('otherApiVersion', { apiVersion, kind, expected, version }),
        fixes: scalarFix(editor, apiPair.value, expected, m('fixApiVersion', { apiVersion: expected })),
      });
      return;
    }
    if (!servedKinds) {
      // The group-version itself is not served.
      ctx.report({ range: doc.valueRange(apiPair), message: m('apiVersion', { apiVersion, kind, version }) });
      return;
    }
    const suggestion = nearestName(kind, [...servedKinds].sort());
    if (suggestion) {
      ctx.report({
        range: doc.valueRange(kindPair),
        message: m('suggest', { apiVersion, kind, suggestion, version }),
        fixes: scalarFix(editor, kindPair.value, suggestion, m('fixKind', { kind: suggestion })),
      });
      return;
    }
    // A near kind served under another apiVersion (`v1` + `Deploymnet` → apps/v1 Deployment).
    const other = nearestName(kind, [...idx.byKind.keys()].sort());
    if (other) {
      const expected = idx.byKind.get(other)![0];
      const edits = [];
      if (isScalar(kindPair.value) && kindPair.value.range) edits.push(editor.setScalar(kindPair.value as YScalar, other));
      if (isScalar(apiPair.value) && apiPair.value.range && expected !== apiVersion) edits.push(editor.setScalar(apiPair.value as YScalar, expected));
      ctx.report({
        range: doc.valueRange(kindPair),
        message: m('suggestOther', { apiVersion, kind, suggestion: other, expected, version }),
        fixes: edits.length === 2 ? [{ title: m('fixBoth', { kind: other, apiVersion: expected }), edits }] : undefined,
      });
      return;
    }
    ctx.report({ range: doc.valueRange(kindPair), message: m('message', { apiVersion, kind, version }) });
  },
});

function scalarFix(editor: YamlEditor, node: unknown, value: string, title: Message): Fix[] | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  return [{ title, edits: [editor.setScalar(node as YScalar, value)] }];
}
