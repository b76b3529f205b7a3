import { msg } from '../../messages/catalog';
import { YamlEditor } from '../../fixes/yaml-edit';
import { checkDocument } from '../../kubernetes/check';
import { lastPair } from '../../kubernetes/locate';
import { kindIndex } from '../../kubernetes/schema';
import { isMap, isScalar, type YScalar } from '../../model/yaml';
import { nearestName } from '../../schema';
import type { Fix } from '../../types';
import type { YamlDocumentRule } from '../registry';

/**
 * apiVersion/kind pairs the selected Kubernetes version does not serve. API groups that are not part
 * of Kubernetes (CRDs) are skipped unless `kubernetes.crdSchemas` names a schema for the kind;
 * apiVersions listed in the lifecycle table are left to deprecated-api / removed-api.
 */
export const unknownKind: YamlDocumentRule = {
  id: 'unknown-kind',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  references: [{ title: 'Kubernetes API reference', url: 'https://kubernetes.io/docs/reference/kubernetes-api/' }],
  check(ctx) {
    const { doc } = ctx;
    const c = checkDocument(doc, ctx.config, ctx.path, ctx.providers);
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
          ? msg('rule.unknown-kind.crdUnreadable', args)
          : crd.status === 'no-version'
            ? msg('rule.unknown-kind.crdNoVersion', { ...args, versions: crd.versions.join(', ') })
            : msg('rule.unknown-kind.crdNoKind', args);
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
        message: msg('rule.unknown-kind.otherApiVersion', { apiVersion, kind, expected, version }),
        fixes: scalarFix(editor, apiPair.value, expected, msg('rule.unknown-kind.fixApiVersion', { apiVersion: expected })),
      });
      return;
    }
    if (!servedKinds) {
      // The group-version itself is not served.
      ctx.report({ range: doc.valueRange(apiPair), message: msg('rule.unknown-kind.apiVersion', { apiVersion, kind, version }) });
      return;
    }
    const suggestion = nearestName(kind, [...servedKinds].sort());
    if (suggestion) {
      ctx.report({
        range: doc.valueRange(kindPair),
        message: msg('rule.unknown-kind.suggest', { apiVersion, kind, suggestion, version }),
        fixes: scalarFix(editor, kindPair.value, suggestion, msg('rule.unknown-kind.fixKind', { kind: suggestion })),
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
        message: msg('rule.unknown-kind.suggestOther', { apiVersion, kind, suggestion: other, expected, version }),
        fixes: edits.length === 2 ? [{ title: msg('rule.unknown-kind.fixBoth', { kind: other, apiVersion: expected }), edits }] : undefined,
      });
      return;
    }
    ctx.report({ range: doc.valueRange(kindPair), message: msg('rule.unknown-kind.message', { apiVersion, kind, version }) });
  },
};

function scalarFix(editor: YamlEditor, node: unknown, value: string, title: ReturnType<typeof msg>): Fix[] | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  return [{ title, edits: [editor.setScalar(node as YScalar, value)] }];
}
