import type { Instruction, Arg } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './dockerfile';
import { matchesAnyPattern } from '../util/patterns';

/**
 * Derived Dockerfile facts shared by the Dockerfile rules and the layer hints: which earlier stage a
 * stage builds on, the layers (RUN/COPY/ADD) of each stage, global ARG defaults and `${VAR}`
 * expansion in FROM, image references. Computed once per document version (memoized on the model).
 */

export const LAYER_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD']);

export interface StageInfo {
  stage: Stage;
  /** The FROM image after `${ARG}` expansion with the global ARG defaults (undefined when unresolvable). */
  image?: string;
  /** The earlier stage this one starts from (`FROM builder AS final`). */
  parent?: StageInfo;
  /** This stage's own layers, in order. */
  layers: Instruction[];
  /** Layers inherited from earlier stages of the same file (0 when FROM an external image). */
  inherited: number;
}

export function stageInfos(model: DockerfileModel): StageInfo[] {
  return model.memoize('stages:info', () => {
    const args = globalArgDefaults(model);
    const infos: StageInfo[] = [];
    const byName = new Map<string, StageInfo>();
    for (const stage of model.stages) {
      const raw = stage.from.getImage() ?? undefined;
      const image = raw === undefined ? undefined : expandVariables(raw, args);
      const parent = image !== undefined ? byName.get(image.toLowerCase()) : undefined;
      const layers = stage.instructions.filter((i) => LAYER_KEYWORDS.has(i.getKeyword()));
      const info: StageInfo = { stage, image, parent, layers, inherited: parent ? parent.inherited + parent.layers.length : 0 };
      infos.push(info);
      if (stage.name) byName.set(stage.name.toLowerCase(), info);
    }
    return infos;
  });
}

/** Every stage name (lower-case) with the index of the first stage that declares it. */
export function stageNameIndex(model: DockerfileModel): Map<string, number> {
  return model.memoize('stages:names', () => {
    const out = new Map<string, number>();
    for (const s of model.stages) if (s.name && !out.has(s.name.toLowerCase())) out.set(s.name.toLowerCase(), s.index);
    return out;
  });
}

/** Whether `name` (any case) is a stage declared before stage `index`. */
export function isEarlierStage(model: DockerfileModel, name: string, index: number): boolean {
  const first = stageNameIndex(model).get(name.toLowerCase());
  return first !== undefined && first < index;
}

/** ARGs declared before the first FROM, with their defaults (null: declared without a default). */
export function globalArgDefaults(model: DockerfileModel): Map<string, string | null> {
  return model.memoize('stages:globalArgs', () => {
    const out = new Map<string, string | null>();
    for (const ins of model.preamble) {
      if (ins.getKeyword() !== 'ARG') continue;
      const p = (ins as Arg).getProperty?.();
      if (p) out.set(p.getName(), p.getValue());
    }
    return out;
  });
}

/** The global ARG instruction that declares `name`, if any (for related information): the first one. */
export function globalArgInstruction(model: DockerfileModel, name: string): Arg | undefined {
  const byName = model.memoize('stages:globalArgInstructions', () => {
    const out = new Map<string, Arg>();
    for (const ins of model.preamble) {
      const n = ins.getKeyword() === 'ARG' ? (ins as Arg).getProperty?.()?.getName() : undefined;
      if (n !== undefined && !out.has(n)) out.set(n, ins as Arg);
    }
    return out;
  });
  return byName.get(name);
}

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57);

/** End of the variable name starting at `i` (`i` itself when there is none). */
function nameEnd(text: string, i: number): number {
  if (!isNameStart(text.charCodeAt(i))) return i;
  let q = i + 1;
  while (isNameChar(text.charCodeAt(q))) q++;
  return q;
}

/**
 * The next `}` at or after `from`, remembered across calls (`cache.at`): scans only move forward, so
 * the text is searched once. (The regexes these scanners replace searched from every `${` to the
 * next `}`: a FROM of 20,000 unclosed `${A:-` took 4.5 s, 80,000 took 90 s.)
 */
function nextClose(text: string, from: number, cache: { at: number }): number {
  if (cache.at !== -2 && (cache.at === -1 || cache.at >= from)) return cache.at;
  cache.at = text.indexOf('}', from);
  return cache.at;
}

/** Names of the variables a text refers to (`$A`, `${B}`, `${C:-x}`), in one pass. */
export function variableNames(text: string): string[] {
  const out: string[] = [];
  const close = { at: -2 };
  for (let p = text.indexOf('$'); p >= 0; p = text.indexOf('$', p)) {
    if (text.charCodeAt(p + 1) === 123 /* { */) {
      const q = nameEnd(text, p + 2);
      const c = q > p + 2 ? nextClose(text, q, close) : -1;
      if (c >= 0) {
        out.push(text.slice(p + 2, q));
        p = c + 1;
        continue;
      }
    }
    const q = nameEnd(text, p + 1);
    if (q > p + 1) {
      out.push(text.slice(p + 1, q));
      p = q;
    } else p++;
  }
  return out;
}

/**
 * Expand `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`, `${NAME+word}` with the
 * given values (Dockerfile semantics), `\$` is a literal `$`. Undefined when a variable has no value
 * and no default. One pass (the same matches, left to right, as the regex it replaces).
 */
export function expandVariables(text: string, values: Map<string, string | null>): string | undefined {
  if (!text.includes('$')) return text;
  let failed = false;
  let out = '';
  let last = 0;
  const close = { at: -2 };
  const emit = (from: number, to: number, s: string) => {
    out += text.slice(last, from) + s;
    last = to;
  };
  for (let p = 0; p < text.length; ) {
    const ch = text.charCodeAt(p);
    if (ch === 92 /* \ */ && text.charCodeAt(p + 1) === 36 /* $ */) {
      emit(p, p + 2, '$');
      p += 2;
      continue;
    }
    if (ch !== 36) {
      p++;
      continue;
    }
    if (text.charCodeAt(p + 1) === 123 /* { */) {
      const q = nameEnd(text, p + 2);
      if (q > p + 2) {
        const name = text.slice(p + 2, q);
        const c0 = text.charCodeAt(q);
        let op: string | undefined;
        let wordStart = -1;
        if (c0 === 125 /* } */) {
          op = '';
        } else if (c0 === 58 /* : */ && (text.charCodeAt(q + 1) === 45 || text.charCodeAt(q + 1) === 43)) {
          op = text.slice(q, q + 2);
          wordStart = q + 2;
        } else if (c0 === 45 /* - */ || c0 === 43 /* + */) {
          op = text[q];
          wordStart = q + 1;
        }
        if (op === '') {
          emit(p, q + 1, substitute(name, undefined, ''));
          p = q + 1;
          continue;
        }
        if (op !== undefined) {
          const c = nextClose(text, wordStart, close);
          if (c >= 0) {
            emit(p, c + 1, substitute(name, op, text.slice(wordStart, c)));
            p = c + 1;
            continue;
          }
        }
      }
    }
    const q = nameEnd(text, p + 1);
    if (q > p + 1) {
      emit(p, q, substitute(text.slice(p + 1, q), undefined, ''));
      p = q;
    } else p++;
  }
  if (failed) return undefined;
  return out + text.slice(last);

  function substitute(name: string, op: string | undefined, word: string): string {
    const v = values.get(name);
    const set = v !== undefined && v !== null;
    const nonEmpty = set && v !== '';
    switch (op) {
      case ':-':
        return nonEmpty ? v! : word;
      case '-':
        return set ? v! : word;
      case ':+':
        return nonEmpty ? word : '';
      case '+':
        return set ? word : '';
      default:
        if (!set) failed = true;
        return set ? v! : '';
    }
  }
}

export interface ImageRef {
  /** Everything before the tag/digest (registry and repository). */
  name: string;
  tag?: string;
  digest?: string;
}

/** Split `[registry[:port]/]repo[:tag][@digest]`. */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const r: ImageRef = { name: rest };
  if (tag !== undefined) r.tag = tag;
  if (digest !== undefined) r.digest = digest;
  return r;
}

/** Whether an image reference names a loci image (a loci base or a loci-built project image). */
export function isLociImage(image: string | undefined, patterns: string[] = []): boolean {
  if (!image) return false;
  if (matchesAnyPattern(patterns, image)) return true;
  return /(^|[/_:-])loci([/_:.-]|$)|(^|\/)airshipit\/|(^|\/)openstackhelm\//i.test(image);
}

/** The stage an instruction belongs to (undefined for the preamble). */
export function stageOfLine(model: DockerfileModel, line: number): Stage | undefined {
  // Binary search over the stages' FROM lines (a scan per call was quadratic for callers per instruction).
  const stages = model.stages;
  let lo = 0;
  let hi = stages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stages[mid].from.getRange().start.line <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? stages[lo - 1] : undefined;
}


/**
 * The stages whose filesystem ships in the image `docker build` produces by default: the final stage
 * and the earlier stages it builds on (`FROM builder AS final`), by index. A build stage whose output
 * is only `COPY --from`'d is not among them: what it leaves behind (package lists, caches) never
 * reaches the image.
 */
export function shippedStageIndexes(model: DockerfileModel): Set<number> {
  return model.memoize('stages:shipped', () => {
    const infos = stageInfos(model);
    const out = new Set<number>();
    for (let s: StageInfo | undefined = infos[infos.length - 1]; s && !out.has(s.stage.index); s = s.parent) out.add(s.stage.index);
    return out;
  });
}

/** The index of the stage a line belongs to (-1 before the first FROM); binary search over the FROM lines. */
export function stageIndexAtLine(model: DockerfileModel, line: number): number {
  const starts = model.memoize('stages:startLines', () => model.stages.map((s) => s.from.getRange().start.line));
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
