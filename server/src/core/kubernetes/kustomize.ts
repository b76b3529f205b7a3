import { type Providers, type WorkspaceFiles } from '../providers';
import { getMap, getPair, getValue, isMap, isSeq, scalarString, splitDocuments, YamlDocModel, type YNode, type YMap } from '../model/yaml';

/**
 * kustomize: what a `kustomization.yaml` (or `Kustomization`) refers to and what it builds, read
 * through the host's repository files (`WorkspaceFiles`: confined to the repository). Used by the
 * two kustomize rules, by the index (generated ConfigMaps/Secrets satisfy `missing-reference`) and
 * by the engine (a strategic-merge patch is checked merged with the object it patches).
 *
 * Left out: remote bases (URLs, `github.com/...?ref=`), `replacements`/`vars`, `openapi`, Helm
 * charts (`helmCharts`), label and annotation selectors of patch targets, regular expressions in
 * target names (taken literally), and JSON 6902 patches in the security merge (they are checked by
 * `kustomize-patch-target` only).
 */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

const MAX_DEPTH = 20;

export function isKustomizationPath(p: string): boolean {
  const base = baseName(p);
  return (KUSTOMIZATION_NAMES as readonly string[]).includes(base);
}

function baseName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? p : p.slice(i + 1);
}

export function dirOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? '.' : i === 0 ? p.slice(0, 1) : p.slice(0, i);
}

/** `rel` against folder `dir`, `.` and `..` resolved lexically (the host confines the result). */
export function joinPath(dir: string, rel: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const abs = rel.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rel);
  const parts = (abs ? rel : `${dir}${sep}${rel}`).split(/[\\/]+/);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && out.length)) continue;
    if (part === '..' && out.length > 1) out.pop();
    else if (part !== '..') out.push(part);
  }
  return out.join(sep) || sep;
}

/** A remote base kustomize fetches (not checked: nothing is fetched, ever). */
export function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(entry) || entry.includes('?ref=') || entry.startsWith('git@');
}

export interface KRef {
  /** The entry as written (for `files: [key=path]` the path). */
  value: string;
  node: YNode;
}

export interface KPatch {
  /** The patch file (`patches[].path`, `patchesStrategicMerge` entries). */
  file?: KRef;
  /** Inline patch text (`patches[].patch`, an inline `patchesStrategicMerge` entry). */
  inline?: string;
  /** `patches[].target` (kind / name / namespace), when given. */
  target?: { kind?: string; name?: string; namespace?: string; selector: boolean };
  /** Where findings about the patch go. */
  node: YNode;
}

export interface Kustomization {
  resources: KRef[];
  components: KRef[];
  patches: KPatch[];
  /** configMapGenerator / secretGenerator `files` and `envs` (and the old `env`). */
  generatorFiles: KRef[];
  generators: { kind: 'ConfigMap' | 'Secret'; name: string; node: YNode }[];
  namePrefix: string;
  nameSuffix: string;
}

function strings(n: YNode | null | undefined): KRef[] {
  if (!isSeq(n)) return [];
  const out: KRef[] = [];
  for (const it of n.items) {
    const v = scalarString(it);
    if (v !== undefined && it) out.push({ value: v, node: it });
  }
  return out;
}

/** The references of a kustomization document (from its owned model). */
export function readKustomization(root: YNode | null): Kustomization {
  const k: Kustomization = { resources: [], components: [], patches: [], generatorFiles: [], generators: [], namePrefix: '', nameSuffix: '' };
  if (!isMap(root)) return k;
  k.resources = [...strings(getValue(root, 'resources')), ...strings(getValue(root, 'bases'))];
  k.components = strings(getValue(root, 'components'));
  k.namePrefix = scalarString(getValue(root, 'namePrefix')) ?? '';
  k.nameSuffix = scalarString(getValue(root, 'nameSuffix')) ?? '';
  for (const ref of strings(getValue(root, 'patchesStrategicMerge'))) {
    // An entry is a file, or (kustomize allows it) the patch itself inline.
    if (ref.value.includes('\n')) k.patches.push({ inline: ref.value, node: ref.node });
    else k.patches.push({ file: ref, node: ref.node });
  }
  const patches = getValue(root, 'patches');
  for (const item of isSeq(patches) ? patches.items : []) {
    if (!isMap(item)) continue;
    const pathNode = getValue(item, 'path');
    const p = scalarString(pathNode);
    const t = getMap(item, 'target');
    // Findings go on the target's name (else kind), else the path, else the `patch` key.
    const at = t ? (getValue(t, 'name') ?? getValue(t, 'kind') ?? (getValue(item, 'target') as YNode)) : (pathNode ?? (getPair(item, 'patch')?.key as YNode | null) ?? item);
    const patch: KPatch = { node: at as YNode };
    if (p !== undefined && pathNode) patch.file = { value: p, node: pathNode };
    const inline = scalarString(getValue(item, 'patch'));
    if (inline !== undefined) patch.inline = inline;
    if (t) {
      patch.target = {
        kind: scalarString(getValue(t, 'kind')),
        name: scalarString(getValue(t, 'name')),
        namespace: scalarString(getValue(t, 'namespace')),
        selector: getValue(t, 'labelSelector') !== undefined || getValue(t, 'annotationSelector') !== undefined,
      };
    }
    k.patches.push(patch);
  }
  for (const [field, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const) {
    const gens = getValue(root, field);
    for (const g of isSeq(gens) ? gens.items : []) {
      if (!isMap(g)) continue;
      const nameNode = getValue(g, 'name');
      const name = scalarString(nameNode);
      if (name !== undefined && nameNode) k.generators.push({ kind, name, node: nameNode });
      for (const key of ['files', 'envs']) {
        for (const ref of strings(getValue(g, key))) {
          // `files: [key=path]`: the path after the first `=`.
          const eq = key === 'files' ? ref.value.indexOf('=') : -1;
          k.generatorFiles.push(eq >= 0 ? { value: ref.value.slice(eq + 1), node: ref.node } : ref);
        }
      }
      const env = getValue(g, 'env');
      const e = scalarString(env);
      if (e !== undefined && env) k.generatorFiles.push({ value: e, node: env });
    }
  }
  return k;
}

/** The kustomization file of a folder (`kustomization.yaml`, `.yml`, `Kustomization`), or undefined. */
export function kustomizationIn(files: WorkspaceFiles, dir: string): string | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const p = joinPath(dir, name);
    if (files.stat(p) === 'file') return p;
  }
  return undefined;
}

/** An object a kustomization builds (from a resource file, a base, a component or a generator). */
export interface KObject {
  apiVersion: string;
  kind: string;
  /** Names it is known by: as written, then after each level's prefix/suffix. */
  names: string[];
  namespace?: string;
  /** The file and document it comes from (absent for generated objects). */
  file?: string;
  docIndex?: number;
  generated?: boolean;
}

interface ParsedFile {
  docs: YamlDocModel[];
}

function parsedFile(prov: Providers, files: WorkspaceFiles, path: string): ParsedFile | undefined {
  const cache = prov.cache('kustomize:files', () => new Map<string, ParsedFile | null>());
  const hit = cache.get(path);
  if (hit !== undefined) return hit ?? undefined;
  const text = files.read(path);
  const parsed = text === undefined ? null : { docs: splitDocuments(text).map((c) => new YamlDocModel(c.text)) };
  if (cache.size > 2000) cache.clear();
  cache.set(path, parsed);
  return parsed ?? undefined;
}

function objectsOfFile(prov: Providers, files: WorkspaceFiles, path: string): KObject[] {
  const f = parsedFile(prov, files, path);
  if (!f) return [];
  const out: KObject[] = [];
  f.docs.forEach((d, i) => {
    const id = d.k8s;
    if (id?.name !== undefined) out.push({ apiVersion: id.apiVersion, kind: id.kind, names: [id.name], namespace: id.namespace, file: path, docIndex: i });
  });
  return out;
}

/**
 * Every object the kustomization at `path` builds from its resources, components and generators
 * (patches aside), with the names it carries at each level. Depth-limited; a cycle stops.
 */
export function kustomizationObjects(prov: Providers, files: WorkspaceFiles, path: string, k?: Kustomization, seen: Set<string> = new Set(), depth = 0): KObject[] {
  if (depth > MAX_DEPTH || seen.has(path)) return [];
  const cache = prov.cache('kustomize:objects', () => new Map<string, KObject[]>());
  if (!k) {
    const hit = cache.get(path);
    if (hit) return hit;
  }
  seen.add(path);
  let kz = k;
  if (!kz) {
    const f = parsedFile(prov, files, path);
    kz = readKustomization(f?.docs[0]?.contents ?? null);
  }
  const dir = dirOf(path);
  const out: KObject[] = [];
  for (const ref of [...kz.resources, ...kz.components]) {
    if (isRemote(ref.value)) continue;
    const p = joinPath(dir, ref.value);
    const st = files.stat(p);
    if (st === 'file') out.push(...objectsOfFile(prov, files, p));
    else if (st === 'directory') {
      const inner = kustomizationIn(files, p);
      if (inner) out.push(...kustomizationObjects(prov, files, inner, undefined, seen, depth + 1).map((o) => ({ ...o, names: [...o.names] })));
    }
  }
  for (const g of kz.generators) out.push({ apiVersion: 'v1', kind: g.kind, names: [g.name], generated: true });
  if (kz.namePrefix || kz.nameSuffix) for (const o of out) o.names.push(kz.namePrefix + o.names[o.names.length - 1] + kz.nameSuffix);
  seen.delete(path);
  if (!k) cache.set(path, out);
  return out;
}

/** Whether an object matches a patch's kind / name / namespace (unset parts match anything). */
export function objectMatches(o: KObject, kind: string | undefined, name: string | undefined, namespace: string | undefined): boolean {
  if (kind !== undefined && o.kind !== kind) return false;
  if (name !== undefined && !o.names.includes(name)) return false;
  if (namespace !== undefined && o.namespace !== undefined && o.namespace !== namespace) return false;
  return true;
}

/** The identities (kind, name, namespace) of the documents of a strategic-merge patch text. */
export function patchIdentities(text: string): { kind: string; name?: string; namespace?: string }[] {
  return splitDocuments(text)
    .map((c) => new YamlDocModel(c.text).k8s)
    .filter((id): id is NonNullable<typeof id> => !!id)
    .map((id) => ({ kind: id.kind, name: id.name, namespace: id.namespace }));
}

/**
 * When `path` is a strategic-merge patch file of the kustomization in its own folder: that
 * kustomization and the objects of its bases. Cached per folder (providers' caches).
 */
export function patchContextOf(prov: Providers, path: string): { kustomization: string; objects: KObject[] } | undefined {
  const files = prov.files;
  if (!files || isKustomizationPath(path)) return undefined;
  const dir = dirOf(path);
  const cache = prov.cache('kustomize:patchOf', () => new Map<string, { kustomization: string; patchFiles: Set<string> } | null>());
  let entry = cache.get(dir);
  if (entry === undefined) {
    entry = null;
    const kp = kustomizationIn(files, dir);
    const f = kp ? parsedFile(prov, files, kp) : undefined;
    if (kp && f) {
      const k = readKustomization(f.docs[0]?.contents ?? null);
      const patchFiles = new Set(k.patches.filter((p) => p.file && !p.target).map((p) => joinPath(dir, p.file!.value)));
      if (patchFiles.size) entry = { kustomization: kp, patchFiles };
    }
    if (cache.size > 2000) cache.clear();
    cache.set(dir, entry);
  }
  if (!entry || !entry.patchFiles.has(joinPath(dir, baseName(path)))) return undefined;
  return { kustomization: entry.kustomization, objects: kustomizationObjects(prov, files, entry.kustomization) };
}

/** The document of the object a patch document patches (kind and name as the base writes them or after a prefix). */
export function baseDocumentOf(prov: Providers, objects: readonly KObject[], kind: string, name: string | undefined, namespace: string | undefined): YamlDocModel | undefined {
  const files = prov.files;
  if (!files || name === undefined) return undefined;
  const o = objects.find((x) => x.file && objectMatches(x, kind, name, namespace));
  if (!o?.file) return undefined;
  return parsedFile(prov, files, o.file)?.docs[o.docIndex ?? 0];
}

/** The generated ConfigMaps/Secrets a kustomization contributes, under every name they carry. */
export function generatedNames(prov: Providers, path: string, root: YNode | null): { kind: string; name: string; node: YNode }[] {
  const files = prov.files;
  const k = readKustomization(root);
  const out: { kind: string; name: string; node: YNode }[] = [];
  const seen = new Set<string>();
  const add = (kind: string, name: string, node: YNode) => {
    const key = `${kind}\n${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, name, node });
  };
  const fix = (n: string) => k.namePrefix + n + k.nameSuffix;
  for (const g of k.generators) {
    add(g.kind, g.name, g.node);
    if (k.namePrefix || k.nameSuffix) add(g.kind, fix(g.name), g.node);
  }
  // Generated objects of the bases, under this level's prefix and suffix (the names an overlay's own objects may use).
  if (files && (k.namePrefix || k.nameSuffix)) {
    const at = (isMap(root) ? (getValue(root as YMap, 'namePrefix') ?? getValue(root as YMap, 'nameSuffix')) : undefined) as YNode | undefined;
    if (at) {
      for (const o of kustomizationObjects(prov, files, path, { ...k, generators: [] })) {
        if (o.generated) for (const n of o.names) add(o.kind, n, at);
      }
    }
  }
  return out;
}

