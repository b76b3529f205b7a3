import { parseDocument, type Document } from 'yaml';
import { buildFromCst, resolveTree } from './ycst';
import { detectOwnedReader, fromDocument, keyValue, scalarValue, type ParsedYaml, type Reader } from './ynode';

/**
 * Parsing a document into the owned model (ynode.ts): block YAML as manifests write it straight
 * from the library's public CST (ycst.ts), everything else through its Composer. Kept apart from
 * ynode.ts so that the node types do not depend on the builders (ycst.ts builds those nodes).
 */
/** Parse one YAML document's text into the owned model. */
export function parseYaml(text: string, reader?: Reader): ParsedYaml {
  // Block YAML as manifests write it: built from the CST, without the Composer (see ycst.ts).
  const root = buildFromCst(text);
  if (root !== undefined) {
    const r = reader ?? detectOwnedReader(root);
    resolveTree(root, (s, isKey) => {
      const v = scalarValue(s.source, s.type, s.tag, r);
      return isKey ? keyValue(v, r) : v;
    });
    return { contents: root, errors: [], warnings: [], reader: r };
  }
  return parseYamlComposed(text, reader);
}

/** parseYaml through the library's Composer (every input). */
export function parseYamlComposed(text: string, reader?: Reader): ParsedYaml {
  // The failsafe schema leaves every scalar a string: the reader resolves them below.
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'silent' }) as Document.Parsed;
  return fromDocument(doc, reader);
}

