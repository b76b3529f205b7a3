import type { DockyardConfig } from '../config/config';
import type { Lang } from '../messages/catalog';
import type { DockerfileModel } from '../model/dockerfile';
import type { YamlChunk, YamlDocModel } from '../model/yaml';
import type { Position, Range } from '../types';
import type { Providers } from '../providers';

/**
 * What the features read from the analyzer: its parse of the open text (shared with the analysis).
 * Structural, so the features (a lower layer) do not import the engine; `Analyzer` provides it.
 */
export interface ParsedDocuments {
  dockerfileFor(path: string, text: string): DockerfileModel;
  yamlFor(path: string, text: string): { chunks: readonly YamlChunk[]; states: readonly { model: YamlDocModel }[] };
  /** The service's providers (schema store, loci data, CRD schemas) and their caches, as the rules get them. */
  readonly providers: Providers;
}

/**
 * Editor features as pure functions of (text, position): the server maps these shapes to LSP.
 * Markdown strings are built from catalog messages only.
 */
export interface FeatureContext {
  path: string;
  text: string;
  languageId?: string;
  config: DockyardConfig;
  analyzer: ParsedDocuments;
  lang: Lang;
}

export interface HoverResult {
  markdown: string;
  range?: Range;
}

export type CompletionKind = 'property' | 'value' | 'enum' | 'keyword' | 'snippet' | 'module' | 'reference';

export interface CompletionResult {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Plain text, or a snippet with `${1:tab stops}` when `snippet` is true. */
  insertText?: string;
  snippet?: boolean;
  sortText?: string;
  filterText?: string;
  /** The text to replace (defaults to the word at the position). */
  range?: Range;
  /** Re-trigger completion after inserting (e.g. after `key: `). */
  retrigger?: boolean;
}

export interface InlayHintResult {
  position: Position;
  label: string;
  tooltip?: string;
  paddingLeft?: boolean;
}

export interface CodeLensResult {
  range: Range;
  title: string;
  /** A command the language server executes (`SERVER_COMMANDS`), e.g. `dockyard.server.showRuleDocs`. */
  command?: string;
  args?: unknown[];
}

export interface FeatureProvider {
  /** Which analyzer file kinds it serves. */
  kinds: ('kubernetes' | 'yaml' | 'dockerfile' | 'shell' | 'bindep')[];
  hover?(ctx: FeatureContext, position: Position): HoverResult | undefined;
  completion?(ctx: FeatureContext, position: Position): CompletionResult[];
  inlayHints?(ctx: FeatureContext, range: Range): InlayHintResult[];
  codeLenses?(ctx: FeatureContext): CodeLensResult[];
}

/**
 * Commands the language server itself executes (`workspace/executeCommand`), so that every client
 * can run what a lens or action carries. Their ids differ from the VS Code client's own commands
 * (`dockyard.showRuleDocs`): vscode-languageclient registers every command the server advertises,
 * and the same id twice would collide.
 */
export const SERVER_COMMANDS = {
  /** args: `[ruleId]` — show the rule's documentation (window/showDocument or window/showMessage). */
  showRuleDocs: 'dockyard.server.showRuleDocs',
  /** args: `[documentUri]` — apply the safe fixes of the document (workspace/applyEdit). */
  applyFixAll: 'dockyard.applyFixAll',
} as const;
