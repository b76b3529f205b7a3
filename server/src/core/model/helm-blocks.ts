import type { YamlDocModel } from './yaml';
import { locatePath } from './locate';

/**
 * Which lines Helm masking changed in a document, and whether the block of an object holds one of
 * them (the object may then be rendered differently: its fields cannot be known). Model-level: the
 * index summary (model/resources.ts) and the Kubernetes rules (through kubernetes/check.ts) ask.
 */
/** Lines whose masked text differs from the original (memoized per document). */
export function changedLines(doc: YamlDocModel): Set<number> {
  return doc.memoize('helm.changedLines', () => {
    const out = new Set<number>();
    if (!doc.masked) return out;
    const a = doc.text.split('\n');
    const b = doc.original.split('\n');
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.add(i);
    return out;
  });
}

export function objectBlockChanged(doc: YamlDocModel, path: readonly (string | number)[]): boolean {
  const changed = changedLines(doc);
  if (changed.size === 0) return false;
  if (path.length === 0) return true;
  const loc = locatePath(doc, path);
  // An object that cannot be found (behind an alias or a merge key): unknowable in a template.
  if (!loc.complete) return true;
  const last = loc.steps[loc.steps.length - 1];
  let startOffset: number | undefined;
  let strictlyLeft: boolean;
  if (last.pair) {
    startOffset = (last.pair.key as { range?: [number, number, number] } | null)?.range?.[0];
    strictlyLeft = false;
  } else {
    startOffset = last.node?.range?.[0];
    strictlyLeft = true;
  }
  if (startOffset === undefined) return true;
  const start = doc.lines.positionAt(startOffset);
  const col = start.character;
  const lines = doc.lines;
  for (let line = start.line; line < lines.lineCount; line++) {
    if (line > start.line) {
      const text = lines.lineText(line);
      const trimmed = text.trimStart();
      if (trimmed !== '' && !trimmed.startsWith('#')) {
        const indent = text.length - trimmed.length;
        if (strictlyLeft ? indent < col : indent <= col) {
          // The block ended; a blanked line right before it may still belong to it (checked above).
          return false;
        }
      }
    }
    if (changed.has(line)) return true;
  }
  return false;
}
