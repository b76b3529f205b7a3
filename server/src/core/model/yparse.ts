import { Composer, parseDocument, type CST, type Document } from 'yaml';
import { buildFromCstTokens, resolveTree } from './ycst';
import { detectOwnedReader, fromDocument, readScalar, type ParsedYaml, type Reader } from './ynode';

/**
 * Parsing a document into the owned model (ynode.ts): block YAML as manifests write it straight
 * from the library's public CST (ycst.ts), everything else through its Composer. Kept apart from
 * ynode.ts so that the node types do not depend on the builders (ycst.ts builds those nodes).
 */
/** Parse one YAML document's text into the owned model. */
export function parseYaml(text: string, reader?: Reader): ParsedYaml {
  // Block YAML as manifests write it: built from the CST, without the Composer (see ycst.ts).
  const { root, tokens } = buildFromCstTokens(text);
  if (root !== undefined) {
    const r = reader ?? detectOwnedReader(root);
    resolveTree(root, (s, isKey) => readScalar(s.source, s.type, s.tag, r, isKey));
    return { contents: root, errors: [], warnings: [], reader: r };
  }
  // Comments and blank lines only (a license header before `---`, a template whose actions were
  // all masked): the empty document the Composer makes of them, without composing.
  if (tokens && tokens.every(blankToken)) return { contents: null, errors: [], warnings: [], reader: reader ?? 'yaml12' };
  // The CST path gave up after parsing: compose those tokens (the text is not parsed again).
  if (tokens) return fromDocument(composeTokens(tokens, text.length), reader);
  return parseYamlComposed(text, reader);
}

function blankToken(t: CST.Token): boolean {
  return t.type === 'comment' || t.type === 'newline' || t.type === 'space';
}

/** The failsafe schema leaves every scalar a string: the reader resolves them (ynode.ts). */
const COMPOSE_OPTIONS = Object.freeze({ schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'silent' } as const);

/** parseYaml through the library's Composer (every input). */
export function parseYamlComposed(text: string, reader?: Reader): ParsedYaml {
  const doc = parseDocument(text, COMPOSE_OPTIONS) as Document.Parsed;
  return fromDocument(doc, reader);
}

/**
 * What `parseDocument(text, COMPOSE_OPTIONS)` returns, from the text's CST tokens: the same public
 * steps (`Composer.compose(tokens, true, text.length)`, the first document; with logLevel silent
 * the others are composed and dropped, as parseDocument does).
 */
function composeTokens(tokens: readonly CST.Token[], length: number): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const d of new Composer(COMPOSE_OPTIONS).compose(tokens, true, length)) doc ??= d as Document.Parsed;
  return doc!;
}

