import { isMap } from './ynode';
import type { IndexedResource } from '../workspace';
import { podsOf } from './pods';
import { readLabels } from './references';
import { objectBlockChanged } from '../kubernetes/check';
import { getMap, getPair, scalarString, type YamlDocModel } from './yaml';

/** The index entry of one Kubernetes document (chunk-relative range), or null for other documents. */
export function summarizeResource(doc: YamlDocModel, path: string, docIndex: number): IndexedResource | null {
  const id = doc.k8s;
  if (!id) return null;
  const root = doc.contents;
  if (!isMap(root)) return null;
  const meta = getMap(root, 'metadata');
  const namePair = meta ? getPair(meta, 'name') : undefined;
  const kindPair = getPair(root, 'kind');
  const range = namePair ? doc.valueRange(namePair) : kindPair ? doc.valueRange(kindPair) : doc.lines.rangeOf(0, 0);
  const entry: IndexedResource = { path, docIndex, apiVersion: id.apiVersion, kind: id.kind, range };
  if (id.name !== undefined) entry.name = id.name;
  if (id.namespace !== undefined) entry.namespace = id.namespace;
  const pod = podsOf(doc)[0];
  if (doc.masked) {
    entry.data = { helm: true };
    // In a Helm template the pod labels often come from an include: they cannot be known.
    if (pod) {
      const labelsPath = [...pod.path.slice(0, -1), 'metadata', 'labels'];
      const labels = pod.metadata ? getMap(pod.metadata, 'labels') : undefined;
      if (objectBlockChanged(doc, labelsPath) || (labels && !readLabels(labels))) entry.data.podLabelsUnknown = true;
    }
  }
  if (pod?.metadata) {
    const labels = getMap(pod.metadata, 'labels');
    if (labels) {
      const out: Record<string, string> = {};
      for (const it of labels.items) {
        const k = scalarString(it.key);
        const v = scalarString(it.value);
        if (k !== undefined) out[k] = v ?? '';
      }
      entry.podLabels = out;
    }
  }
  return entry;
}
