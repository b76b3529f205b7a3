// A JSON Schema (draft-07) of some Kubernetes kinds, for yaml-language-server in `npm run bench`.
//
//   node scripts/bench/k8s-json-schema.mjs [--out FILE] [--version 1.35] [apiVersion/Kind ...]
//
// Fairness: yaml-language-server must check what Dockyard checks, no more and no less. So the schema
// is converted from the same compiled schema Dockyard validates with (`dist/schema/`, built by
// scripts/build-schema.mjs from data/kubernetes/openapi-v3-1.35), node for node:
//   - an object with properties and no additionalProperties / preserve-unknown-fields is strict
//     (`additionalProperties: false`), like Dockyard's unknown-field check;
//   - required properties, primitive types, the derived enums (imagePullPolicy, protocol …);
//   - int-or-string → string|integer, resource.Quantity → string|number, free-form → {};
//   - descriptions are kept (yaml-language-server shows them on hover; the cost is one load).
// Formats (int32, date-time …) are left out: Dockyard does not check them either.
// Every document of a file is matched to its kind by `if: {apiVersion, kind} then: $ref` under one
// top-level `allOf`, so one schema serves a multi-document file (a glob mapping per kind cannot:
// yaml.schemas maps whole files). Only the kinds asked for and the definitions they reach are emitted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function buildJsonSchema({ schemaDir = path.join(ROOT, 'dist', 'schema'), version = '1.35', kinds }) {
  const index = JSON.parse(fs.readFileSync(path.join(schemaDir, 'index.json'), 'utf8'));
  const v = index.versions[version];
  if (!v) throw new Error(`no Kubernetes ${version} in ${schemaDir}`);
  const packages = new Map();
  const defOf = (ref) => {
    const pkg = ref.slice(0, ref.lastIndexOf('.'));
    const local = ref.slice(ref.lastIndexOf('.') + 1);
    if (!packages.has(pkg)) packages.set(pkg, JSON.parse(fs.readFileSync(path.join(schemaDir, v.files[pkg]), 'utf8')).defs);
    const d = packages.get(pkg)[local];
    if (!d) throw new Error(`missing definition ${ref}`);
    return d;
  };
  const definitions = {};
  const pending = [];
  const refTo = (ref) => {
    if (!(ref in definitions)) {
      definitions[ref] = null;
      pending.push(ref);
    }
    return { $ref: `#/definitions/${ref}` };
  };
  const convert = (n) => {
    if (n.$) {
      const r = refTo(n.$);
      return n.d ? { description: n.d, allOf: [r] } : r;
    }
    const s = {};
    if (n.d) s.description = n.d;
    switch (n.t) {
      case 'ios':
        s.type = ['string', 'integer'];
        break;
      case 'qty':
        s.type = ['string', 'number'];
        break;
      case 'any':
      case undefined:
        break;
      default:
        s.type = n.t;
    }
    if (n.e) s.enum = n.e;
    if (n.i) s.items = convert(n.i);
    if (n.p) {
      s.properties = {};
      for (const [k, c] of Object.entries(n.p)) s.properties[k] = convert(c);
    }
    if (n.r?.length) s.required = n.r;
    if (n.a) s.additionalProperties = convert(n.a);
    else if (n.p && !n.x) s.additionalProperties = false;
    return s;
  };
  const allOf = [];
  for (const { apiVersion, kind } of kinds) {
    const ref = v.kinds[apiVersion]?.[kind];
    if (!ref) throw new Error(`unknown kind ${apiVersion}/${kind} in Kubernetes ${version}`);
    allOf.push({
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
      then: refTo(ref),
    });
  }
  while (pending.length) {
    const ref = pending.shift();
    definitions[ref] = convert(defOf(ref));
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://dockyard.invalid/bench/kubernetes-${version}.json`,
    title: `Kubernetes ${version}: ${kinds.map((k) => k.kind).join(', ')} (generated for the Dockyard benchmark)`,
    type: 'object',
    allOf,
    definitions,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const [v] = args.splice(i, 2).slice(1);
    return v;
  };
  const out = opt('--out', undefined);
  const version = opt('--version', '1.35');
  const kinds = (args.length ? args : ['apps/v1/Deployment', 'v1/Service', 'v1/ConfigMap', 'apps/v1/StatefulSet']).map((s) => ({
    apiVersion: s.slice(0, s.lastIndexOf('/')),
    kind: s.slice(s.lastIndexOf('/') + 1),
  }));
  const json = JSON.stringify(buildJsonSchema({ version, kinds }), null, 1);
  if (out) fs.writeFileSync(out, json);
  else process.stdout.write(json + '\n');
}
