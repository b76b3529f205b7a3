/**
 * SchemaStore: lazy access to the compiled Kubernetes schema (index first, package files on first
 * use) plus CRD schemas registered at run time.
 */
import { createFileSource, type SchemaSource } from './loader';
import {
  compactFromOpenAPIV3,
  resolveField,
  schemaType,
  Scope,
  typeLabel,
  type SchemaNode,
} from './model';
import type {
  CompactIndex,
  CompactIndexVersion,
  CompactNode,
  CompactPackage,
  KindStatus,
  SchemaChild,
  SchemaDescription,
  SchemaIssue,
  SchemaStore,
} from './types';
import { validateValue } from './validator';

/** "1.35" < "1.36" < "1.100" */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function enumStrings(node: SchemaNode): string[] | undefined {
  return node.enumValues?.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

interface VersionState {
  entry: CompactIndexVersion;
  scope: Scope;
  custom: Scope;
}

interface Walked {
  node: SchemaNode;
  description?: string;
  required: boolean;
}

class Store implements SchemaStore {
  private indexCache?: CompactIndex;
  private coreGroups?: ReadonlySet<string>;
  private readonly packages = new Map<string, CompactPackage>();
  private readonly states = new Map<string, VersionState>();
  private readonly customSchemas = new Map<string, CompactNode>();
  /** `${version}\n${apiVersion}\n${kind}` -> compiled CRD root */
  private readonly customRoots = new Map<string, SchemaNode>();

  constructor(private readonly source: SchemaSource) {}

  private get index(): CompactIndex {
    if (!this.indexCache) {
      this.indexCache = this.source.readIndex();
      this.coreGroups = new Set(this.indexCache.coreGroups);
    }
    return this.indexCache;
  }

  private loadPackage(relativePath: string): CompactPackage {
    let pkg = this.packages.get(relativePath);
    if (!pkg) {
      pkg = this.source.readPackage(relativePath);
      this.packages.set(relativePath, pkg);
    }
    return pkg;
  }

  private state(version: string): VersionState {
    const resolved = this.resolveVersion(version);
    let state = this.states.get(resolved);
    if (!state) {
      const entry = this.index.versions[resolved];
      const lookup = (name: string): CompactNode | undefined => {
        const dot = name.lastIndexOf('.');
        const file = entry.files[name.slice(0, dot)];
        return file ? this.loadPackage(file).defs[name.slice(dot + 1)] : undefined;
      };
      const scope = new Scope(lookup, true);
      state = { entry, scope, custom: scope.customChild() };
      this.states.set(resolved, state);
    }
    return state;
  }

  private versionList?: string[];
  private readonly resolved = new Map<string, string>();

  /** The bundled versions, oldest first (the index never changes once read). */
  versions(): string[] {
    this.versionList ??= Object.keys(this.index.versions).sort(compareVersions);
    return this.versionList.slice();
  }

  resolveVersion(version: string): string {
    let r = this.resolved.get(version);
    if (r === undefined) {
      r = this.resolveVersionUncached(version);
      this.resolved.set(version, r);
    }
    return r;
  }

  private resolveVersionUncached(version: string): string {
    const known = this.versions();
    if (known.length === 0) throw new Error('the Kubernetes schema lists no version');
    const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
    if (!m) return known[known.length - 1];
    const wanted = `${Number(m[1])}.${Number(m[2])}`;
    if (known.includes(wanted)) return wanted;
    const below = known.filter((v) => compareVersions(v, wanted) < 0);
    return below.length ? below[below.length - 1] : known[0];
  }

  private root(version: string, apiVersion: string, kind: string): SchemaNode | undefined {
    const state = this.state(version);
    const def = state.entry.kinds[apiVersion]?.[kind];
    if (def) return state.scope.def(def);
    const key = `${apiVersion}\n${kind}`;
    const compact = this.customSchemas.get(key);
    if (!compact) return undefined;
    const rootKey = `${this.resolveVersion(version)}\n${key}`;
    let root = this.customRoots.get(rootKey);
    if (!root) {
      root = state.custom.compile(compact, kind);
      this.customRoots.set(rootKey, root);
    }
    return root;
  }

  knows(version: string, apiVersion: string, kind: string): KindStatus {
    if (this.state(version).entry.kinds[apiVersion]?.[kind]) return 'known';
    if (this.customSchemas.has(`${apiVersion}\n${kind}`)) return 'known';
    return this.coreGroups!.has(groupOf(apiVersion)) ? 'unknown-kind' : 'unknown-group';
  }

  validate(version: string, apiVersion: string, kind: string, value: unknown): SchemaIssue[] {
    const root = this.root(version, apiVersion, kind);
    return root ? validateValue(root, value) : [];
  }

  private walk(version: string, apiVersion: string, kind: string, path: (string | number)[]): Walked | undefined {
    const root = this.root(version, apiVersion, kind);
    if (!root) return undefined;
    let node = root;
    let description = root.description;
    let required = false;
    for (const element of path) {
      if (typeof element === 'number') {
        if (node.type !== 'array' || !node.items) return undefined;
        const item = resolveField(node.items);
        // Items rarely have their own text: fall back to the array's description.
        description = node.items.description ?? item.description ?? description;
        node = item;
        required = false;
      } else {
        if (node.type !== 'object') return undefined;
        const field = node.props?.get(element);
        if (field) {
          const child = resolveField(field);
          description = field.description ?? child.description;
          required = node.required?.includes(element) ?? false;
          node = child;
        } else if (node.additional) {
          const child = resolveField(node.additional);
          description = node.additional.description ?? child.description ?? description;
          required = false;
          node = child;
        } else {
          return undefined;
        }
      }
    }
    return { node, description, required };
  }

  describe(version: string, apiVersion: string, kind: string, path: (string | number)[]): SchemaDescription | undefined {
    const walked = this.walk(version, apiVersion, kind, path);
    if (!walked) return undefined;
    const { node } = walked;
    const result: SchemaDescription = {
      type: schemaType(node),
      typeLabel: typeLabel(node),
      required: walked.required,
    };
    if (walked.description !== undefined) result.description = walked.description;
    if (node.format !== undefined) result.format = node.format;
    const values = enumStrings(node);
    if (values) result.enum = values;
    return result;
  }

  children(version: string, apiVersion: string, kind: string, path: (string | number)[]): SchemaChild[] {
    const walked = this.walk(version, apiVersion, kind, path);
    if (!walked) return [];
    let node = walked.node;
    while (node.type === 'array' && node.items) node = resolveField(node.items);
    if (node.type !== 'object' || !node.props || !node.propNames) return [];
    const required = new Set(node.required ?? []);
    return node.propNames.map((name) => {
      const field = node.props!.get(name)!;
      const child = resolveField(field);
      const entry: SchemaChild = { name, type: schemaType(child), typeLabel: typeLabel(child), required: required.has(name) };
      const description = field.description ?? child.description;
      if (description !== undefined) entry.description = description;
      const values = enumStrings(child);
      if (values) entry.enum = values;
      return entry;
    });
  }

  kinds(version: string): { apiVersion: string; kind: string }[] {
    const out: { apiVersion: string; kind: string }[] = [];
    const seen = new Set<string>();
    const add = (apiVersion: string, kind: string) => {
      const key = `${apiVersion}\n${kind}`;
      if (kind.endsWith('List') || seen.has(key)) return;
      seen.add(key);
      out.push({ apiVersion, kind });
    };
    for (const [apiVersion, kinds] of Object.entries(this.state(version).entry.kinds)) {
      for (const kind of Object.keys(kinds)) add(apiVersion, kind);
    }
    for (const key of this.customSchemas.keys()) {
      const [apiVersion, kind] = key.split('\n');
      add(apiVersion, kind);
    }
    return out.sort((a, b) =>
      a.apiVersion === b.apiVersion ? (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) : a.apiVersion < b.apiVersion ? -1 : 1,
    );
  }

  addCustomSchema(apiVersion: string, kind: string, openAPIV3Schema: unknown): void {
    const key = `${apiVersion}\n${kind}`;
    this.customSchemas.set(key, compactFromOpenAPIV3(openAPIV3Schema));
    this.dropCompiled(key);
  }

  removeCustomSchema(apiVersion: string, kind: string): boolean {
    const key = `${apiVersion}\n${kind}`;
    this.dropCompiled(key);
    return this.customSchemas.delete(key);
  }

  private dropCompiled(key: string): void {
    for (const rootKey of [...this.customRoots.keys()]) {
      if (rootKey.slice(rootKey.indexOf('\n') + 1) === key) this.customRoots.delete(rootKey);
    }
  }
}

/**
 * A store over a compiled schema directory (default: `<bundle dir>/schema`, i.e. `dist/schema`).
 * Nothing is read until the first call; package files are read on first use.
 */
export function createSchemaStore(dir?: string): SchemaStore {
  return new Store(createFileSource(dir));
}

/** A store over any source of compact schema files (tests, in-memory schemas). */
export function createSchemaStoreFromSource(source: SchemaSource): SchemaStore {
  return new Store(source);
}
