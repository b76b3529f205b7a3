import type { FileKind } from '../types';

/**
 * What a file is, from its name, the editor's language id and its content. Cheap: runs on every open.
 */
export function basename(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? p : p.slice(i + 1);
}

export function isDockerfileName(p: string): boolean {
  const b = basename(p);
  const l = b.toLowerCase();
  return (
    l === 'dockerfile' ||
    l === 'containerfile' ||
    l.startsWith('dockerfile.') ||
    l.startsWith('containerfile.') ||
    l.endsWith('.dockerfile') ||
    l.endsWith('.containerfile')
  );
}

export function isBindepName(p: string): boolean {
  const l = basename(p).toLowerCase();
  return /^(bindep|pydep)[^/]*\.txt$/.test(l) || /^(bindep|pydep)(-[a-z0-9_.-]+)?$/.test(l);
}

export function isYamlName(p: string): boolean {
  return /\.ya?ml$/i.test(p);
}

export function isJsonName(p: string): boolean {
  return /\.json$/i.test(p);
}

/**
 * A JSON file that is a Kubernetes manifest (kubectl applies JSON too): it opens with `{` or `[` and
 * has string-valued `"apiVersion"` and `"kind"` keys near the start. A JSON schema of a manifest has
 * `"apiVersion": {` (an object), `package.json` has neither. Linear: two bounded regex scans of the head.
 */
export function looksLikeJsonManifest(head: string): boolean {
  const h = head.slice(0, 65536);
  return /^\s*[{[]/.test(h) && /"apiVersion"\s*:\s*"/.test(h) && /"kind"\s*:\s*"/.test(h);
}

export function isShellName(p: string, text?: string): boolean {
  if (/\.(sh|bash)$/i.test(p)) return true;
  if (text !== undefined) return /^#!\s*\S*\b(?:sh|bash|dash|ksh|zsh)\b/.test(text.slice(0, 120));
  return false;
}

/** Helm chart template: under `templates/` (the caller knows whether a Chart.yaml is above) or containing `{{`. */
export function looksLikeHelmTemplate(text: string, underChartTemplates = false): boolean {
  return underChartTemplates || hasActionOnOneLine(text);
}

/**
 * Whether some line holds `{{` and, after it, `}}` (what `/\{\{[^\n]*?\}\}/` finds) in one pass:
 * the regex retried from every `{{` to the end of its line, quadratic on a long line of `{{`
 * (300 KB of `{{ ` took 11 s). The first `{{` of a line decides for the line; the next `}}` is
 * searched again only once the scan has passed it.
 */
export function hasActionOnOneLine(text: string): boolean {
  let close = -1;
  for (let open = text.indexOf('{{'); open >= 0; ) {
    if (close < open + 2) {
      close = text.indexOf('}}', open + 2);
      if (close < 0) return false;
    }
    let nl = text.indexOf('\n', open);
    if (nl < 0) nl = text.length;
    if (close < nl) return true;
    open = text.indexOf('{{', nl);
  }
  return false;
}

const K8S_HINT = /^(?:apiVersion|kind)\s*:/m;
/** A JSON manifest (JSON is YAML): `{"apiVersion": …` near the start. */
const K8S_JSON_HINT = /"(?:apiVersion|kind)"\s*:/;
/** A manifest in YAML flow style (`{ apiVersion: "apps/v1", kind: "DaemonSet", … }`, keys quoted or not, comments between). */
const K8S_FLOW_HINT = /(?:^|[{,])[ \t]*["']?(?:apiVersion|kind)["']?[ \t]*:/m;

/** The text opens with a flow collection (`{` or `[`) after blank lines, comments and `---` markers. */
function opensWithFlow(text: string): boolean {
  let i = 0;
  const n = Math.min(text.length, 65536);
  while (i < n) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    const line = text.slice(i, end).trim();
    if (line && !line.startsWith('#') && !/^---(\s|$)/.test(line)) return line.startsWith('{') || line.startsWith('[');
    if (/^---\s+[{[]/.test(line)) return true;
    i = end + 1;
  }
  return false;
}

export function detectKind(path: string, text: string, languageId?: string): FileKind {
  const lang = languageId?.toLowerCase();
  if (lang === 'dockerfile' || lang === 'containerfile' || isDockerfileName(path)) return 'dockerfile';
  if (lang === 'bindep' || isBindepName(path)) return 'bindep';
  if (lang === 'yaml' || lang === 'helm' || isYamlName(path)) {
    if (K8S_HINT.test(text)) return 'kubernetes';
    if (!opensWithFlow(text)) return 'yaml';
    const head = text.slice(0, 65536);
    return K8S_JSON_HINT.test(head) || K8S_FLOW_HINT.test(head) ? 'kubernetes' : 'yaml';
  }
  if (lang === 'json' || lang === 'jsonc' || isJsonName(path)) return looksLikeJsonManifest(text) ? 'kubernetes' : 'unknown';
  if (lang === 'shellscript' || isShellName(path, text)) return 'shell';
  return 'unknown';
}

/** Heuristic: a NUL byte or a high share of control characters in the first 8 KB. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let ctrl = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) ctrl++;
    else if (c === 0xfffd) ctrl++;
  }
  return sample.length > 0 && ctrl / sample.length > 0.1;
}
