#!/usr/bin/env node
// Build-time compiler: Kubernetes OpenAPI (data/kubernetes/) -> compact offline schema (dist/schema/).
//
//   node scripts/build-schema.mjs [--out <dir>] [--report]
//
// Sources: Kubernetes 1.35 from the OpenAPI v3 files (primary), Kubernetes 1.36 from the v2 swagger.
// Output (all JSON, keys sorted, byte-for-byte deterministic):
//   dist/schema/index.json            versions -> { files: package -> file, kinds: apiVersion -> kind -> def }
//                                     plus `coreGroups` (every API group that belongs to Kubernetes itself,
//                                     current or removed) so the run time can tell a CRD group from a
//                                     removed built-in version.
//   dist/schema/<version>/<pkg>.json  { "defs": { <LocalName>: node } } - one file per Go package
//                                     (core.v1, apps.v1, meta.v1 ...). A 1.36 file that is identical to
//                                     the 1.35 one is not written again: the 1.36 index points to 1.35's.
//
// Compact node (all keys optional):
//   t  type: object | array | string | integer | number | boolean
//            | ios (int-or-string) | qty (resource.Quantity: string or number) | any (free-form JSON)
//   $  reference to a definition: "<pkg>.<LocalName>", e.g. "core.v1.PodSpec"
//   d  description (trimmed to its first sentences)       f  format (int32, date-time, byte ...)
//   p  properties {name: node}                            r  required property names
//   i  array items node                                   a  additionalProperties node (maps)
//   e  allowed values (enum, derived: see ENUM_TABLE and deriveEnum below)
//   x  1 = x-kubernetes-preserve-unknown-fields           m  1 = x-kubernetes-embedded-resource
// An object node with `p` and without `a`/`x` is strict: any other property is an unknown field.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, 'data', 'kubernetes');

const FORMAT_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Names

/** Long OpenAPI definition-name prefixes -> short package names used in the compact schema. */
const PACKAGE_PREFIXES = [
  ['io.k8s.apimachinery.pkg.apis.meta.v1.', 'meta.v1.'],
  ['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.', 'apiextensions.v1.'],
  ['io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.', 'apiregistration.v1.'],
  ['io.k8s.apimachinery.pkg.api.resource.', 'resource.'],
  ['io.k8s.apimachinery.pkg.util.intstr.', 'intstr.'],
  ['io.k8s.apimachinery.pkg.runtime.', 'runtime.'],
  ['io.k8s.apimachinery.pkg.version.', 'version.'],
  ['io.k8s.api.', ''],
];

export function shortName(full) {
  for (const [prefix, short] of PACKAGE_PREFIXES) {
    if (full.startsWith(prefix)) return short + full.slice(prefix.length);
  }
  throw new Error(`unexpected definition name ${full}`);
}

const packageOf = (short) => short.slice(0, short.lastIndexOf('.'));
const localOf = (short) => short.slice(short.lastIndexOf('.') + 1);

/**
 * Definitions that are not objects with properties: replaced inline by a primitive compact node
 * wherever they are referenced (they never appear as `$` references in the output).
 */
const SPECIAL_DEFS = {
  'resource.Quantity': { t: 'qty' },
  'intstr.IntOrString': { t: 'ios' },
  'meta.v1.Time': { t: 'string', f: 'date-time' },
  'meta.v1.MicroTime': { t: 'string', f: 'date-time' },
  // Free-form JSON: RawExtension (an embedded object of any kind), managedFields' FieldsV1 trie,
  // the apiextensions JSON value and its "X or Y" union types used inside JSONSchemaProps.
  'runtime.RawExtension': { t: 'any' },
  'meta.v1.FieldsV1': { t: 'any' },
  'meta.v1.Patch': { t: 'any' },
  'apiextensions.v1.JSON': { t: 'any' },
  'apiextensions.v1.JSONSchemaPropsOrArray': { t: 'any' },
  'apiextensions.v1.JSONSchemaPropsOrBool': { t: 'any' },
  'apiextensions.v1.JSONSchemaPropsOrStringArray': { t: 'any' },
};

// ---------------------------------------------------------------------------------------------
// Enums
//
// The 1.35 v3 files and the 1.36 swagger carry no `enum` keyword (checked: no "Possible enum values"
// text either). Allowed-value sets come from two places:
//  1. ENUM_TABLE - reviewed by hand against the Kubernetes API types/validation. Wins over (2).
//     `null` suppresses a set that deriveEnum() would extract from a wrong or incomplete description.
//  2. deriveEnum() - conservative extraction from description sentences such as
//     "Must be UDP, TCP, or SCTP.", "One of Always, OnFailure, Never.", "Valid values are "A" and "B".",
//     and bullet lists ("Possible values are:\n- FailJob: ...\n- Ignore: ..."). A sentence is only used
//     when every list element is a bare identifier; anything else ("a valid IP address", "(default)")
//     rejects the whole sentence.
// Keys are "<pkg>.<Definition>.<property>"; `items: true` puts the set on the array's items.
// An empty string is always accepted by the run-time validator (Kubernetes treats "" as unset and
// defaults it for these fields), so the sets below never list "".
const ENUM_TABLE = {
  // Containers
  'core.v1.Container.imagePullPolicy': { values: ['Always', 'IfNotPresent', 'Never'] },
  'core.v1.EphemeralContainer.imagePullPolicy': { values: ['Always', 'IfNotPresent', 'Never'] },
  'core.v1.ImageVolumeSource.pullPolicy': { values: ['Always', 'IfNotPresent', 'Never'] },
  // ContainerRestartPolicy: "Always" (sidecar init containers); since 1.34 (KEP-5307, container
  // restart rules) the type also has "OnFailure" and "Never" - the 1.35 description says the field
  // "overrides the pod-level restart policy".
  'core.v1.Container.restartPolicy': { values: ['Always', 'OnFailure', 'Never'] },
  // RestartAllContainers: 1.35 (KEP-5532, feature gate RestartAllContainersOnContainerExits); the
  // description still says "The only possible value is Restart".
  'core.v1.ContainerRestartRule.action': { values: ['Restart', 'RestartAllContainers'] },
  'core.v1.ContainerRestartRuleOnExitCodes.operator': { values: ['In', 'NotIn'] },
  'core.v1.Container.terminationMessagePolicy': { values: ['File', 'FallbackToLogsOnError'] },
  'core.v1.EphemeralContainer.terminationMessagePolicy': { values: ['File', 'FallbackToLogsOnError'] },
  'core.v1.ContainerPort.protocol': { values: ['TCP', 'UDP', 'SCTP'] },
  'core.v1.ContainerResizePolicy.restartPolicy': { values: ['NotRequired', 'RestartContainer'] },
  'core.v1.HTTPGetAction.scheme': { values: ['HTTP', 'HTTPS'] },
  'core.v1.VolumeMount.mountPropagation': { values: ['None', 'HostToContainer', 'Bidirectional'] },
  'core.v1.VolumeMount.recursiveReadOnly': { values: ['Disabled', 'IfPossible', 'Enabled'] },
  'core.v1.SecurityContext.procMount': { values: ['Default', 'Unmasked'] },
  'core.v1.SeccompProfile.type': { values: ['RuntimeDefault', 'Localhost', 'Unconfined'] },
  'core.v1.AppArmorProfile.type': { values: ['RuntimeDefault', 'Localhost', 'Unconfined'] },
  // Pods
  'core.v1.PodSpec.restartPolicy': { values: ['Always', 'OnFailure', 'Never'] },
  'core.v1.PodSpec.dnsPolicy': { values: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] },
  'core.v1.PodSpec.preemptionPolicy': { values: ['PreemptLowerPriority', 'Never'] },
  'scheduling.v1.PriorityClass.preemptionPolicy': { values: ['PreemptLowerPriority', 'Never'] },
  'core.v1.PodOS.name': { values: ['linux', 'windows'] },
  'core.v1.PodSecurityContext.fsGroupChangePolicy': { values: ['OnRootMismatch', 'Always'] },
  'core.v1.PodSecurityContext.seLinuxChangePolicy': { values: ['MountOption', 'Recursive'] },
  'core.v1.PodSecurityContext.supplementalGroupsPolicy': { values: ['Merge', 'Strict'] },
  'core.v1.Toleration.operator': { values: ['Exists', 'Equal', 'Lt', 'Gt'] }, // Lt/Gt: feature gate, 1.35
  'core.v1.Toleration.effect': { values: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
  'core.v1.Taint.effect': { values: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
  // The description stops the list early ("In, NotIn, Exists, DoesNotExist. Gt, and Lt.").
  'core.v1.NodeSelectorRequirement.operator': { values: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] },
  'meta.v1.LabelSelectorRequirement.operator': { values: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  'core.v1.ScopedResourceSelectorRequirement.operator': { values: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
  'core.v1.TopologySpreadConstraint.whenUnsatisfiable': { values: ['DoNotSchedule', 'ScheduleAnyway'] },
  'core.v1.TopologySpreadConstraint.nodeAffinityPolicy': { values: ['Honor', 'Ignore'] },
  'core.v1.TopologySpreadConstraint.nodeTaintsPolicy': { values: ['Honor', 'Ignore'] },
  'core.v1.HostPathVolumeSource.type': {
    values: ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  },
  // Storage
  'core.v1.PersistentVolumeClaimSpec.accessModes': {
    items: true,
    values: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  },
  'core.v1.PersistentVolumeSpec.accessModes': {
    items: true,
    values: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  },
  'core.v1.PersistentVolumeClaimSpec.volumeMode': { values: ['Block', 'Filesystem'] },
  'core.v1.PersistentVolumeSpec.volumeMode': { values: ['Block', 'Filesystem'] },
  'core.v1.PersistentVolumeSpec.persistentVolumeReclaimPolicy': { values: ['Retain', 'Delete', 'Recycle'] },
  'storage.v1.StorageClass.reclaimPolicy': { values: ['Delete', 'Retain'] },
  'storage.v1.StorageClass.volumeBindingMode': { values: ['Immediate', 'WaitForFirstConsumer'] },
  'core.v1.LimitRangeItem.type': { values: ['Pod', 'Container', 'PersistentVolumeClaim'] },
  // Services
  'core.v1.ServiceSpec.type': { values: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
  'core.v1.ServiceSpec.externalTrafficPolicy': { values: ['Cluster', 'Local'] },
  'core.v1.ServiceSpec.internalTrafficPolicy': { values: ['Cluster', 'Local'] },
  'core.v1.ServiceSpec.sessionAffinity': { values: ['ClientIP', 'None'] },
  'core.v1.ServiceSpec.ipFamilyPolicy': { values: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] },
  'core.v1.ServiceSpec.ipFamilies': { items: true, values: ['IPv4', 'IPv6'] },
  'core.v1.ServicePort.protocol': { values: ['TCP', 'UDP', 'SCTP'] },
  'core.v1.EndpointPort.protocol': { values: ['TCP', 'UDP', 'SCTP'] },
  'discovery.v1.EndpointPort.protocol': { values: ['TCP', 'UDP', 'SCTP'] },
  'networking.v1.NetworkPolicyPort.protocol': { values: ['TCP', 'UDP', 'SCTP'] },
  'networking.v1.NetworkPolicySpec.policyTypes': { items: true, values: ['Ingress', 'Egress'] },
  'networking.v1.HTTPIngressPath.pathType': { values: ['Exact', 'Prefix', 'ImplementationSpecific'] },
  // Description is incomplete: the type also has InternalDNS and ExternalDNS.
  'core.v1.NodeAddress.type': null,
  // Workloads
  'apps.v1.DeploymentStrategy.type': { values: ['Recreate', 'RollingUpdate'] },
  'apps.v1.StatefulSetSpec.podManagementPolicy': { values: ['OrderedReady', 'Parallel'] },
  'apps.v1.StatefulSetUpdateStrategy.type': { values: ['RollingUpdate', 'OnDelete'] },
  'apps.v1.DaemonSetUpdateStrategy.type': { values: ['RollingUpdate', 'OnDelete'] },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': { values: ['Retain', 'Delete'] },
  'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': { values: ['Retain', 'Delete'] },
  'batch.v1.JobSpec.completionMode': { values: ['NonIndexed', 'Indexed'] },
  'batch.v1.JobSpec.podReplacementPolicy': { values: ['TerminatingOrFailed', 'Failed'] },
  'batch.v1.CronJobSpec.concurrencyPolicy': { values: ['Allow', 'Forbid', 'Replace'] },
  'batch.v1.PodFailurePolicyRule.action': { values: ['FailJob', 'FailIndex', 'Ignore', 'Count'] },
  'batch.v1.PodFailurePolicyOnExitCodesRequirement.operator': { values: ['In', 'NotIn'] },
  'policy.v1.PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': { values: ['IfHealthyBudget', 'AlwaysAllow'] },
  'autoscaling.v2.MetricSpec.type': { values: ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] },
  'autoscaling.v2.MetricTarget.type': { values: ['Utilization', 'Value', 'AverageValue'] },
  'autoscaling.v2.HPAScalingRules.selectPolicy': { values: ['Max', 'Min', 'Disabled'] },
  'autoscaling.v2.HPAScalingPolicy.type': { values: ['Pods', 'Percent'] },
  // Cluster configuration
  'admissionregistration.v1.RuleWithOperations.scope': { values: ['Cluster', 'Namespaced', '*'] },
  'admissionregistration.v1.NamedRuleWithOperations.scope': { values: ['Cluster', 'Namespaced', '*'] },
  // v1 rejects Some/Unknown on create, but objects created through v1beta1 may still carry them.
  'admissionregistration.v1.ValidatingWebhook.sideEffects': { values: ['None', 'NoneOnDryRun', 'Some', 'Unknown'] },
  'admissionregistration.v1.MutatingWebhook.sideEffects': { values: ['None', 'NoneOnDryRun', 'Some', 'Unknown'] },
  'apiextensions.v1.CustomResourceDefinitionSpec.scope': { values: ['Cluster', 'Namespaced'] },
  'apiextensions.v1.CustomResourceConversion.strategy': { values: ['None', 'Webhook'] },
  'storage.v1.CSIDriverSpec.fsGroupPolicy': { values: ['ReadWriteOnceWithFSType', 'File', 'None'] },
  'storage.v1.CSIDriverSpec.volumeLifecycleModes': { items: true, values: ['Persistent', 'Ephemeral'] },
};

/** Phrases that introduce a list of allowed values in Kubernetes descriptions. */
const ENUM_TRIGGER =
  /(?:^|[\s(,;])(?:[Oo]ne of|[Mm]ust be(?: one of)?|[Vv]alid (?:values|options|operators|effects) are|[Aa]llowed values are|[Aa]cceptable values are|[Ss]upported values are|[Pp]ossible values are|[Ss]upports|[Cc]an be|[Tt]he only valid values for this field are|[Tt]he currently supported values are)\s*(:?)/g;
const ENUM_ITEM = /^(["'`]?)([A-Za-z][A-Za-z0-9]*)\1$/;
const BULLET_ITEM = /(?:^|\n|;)\s*[-*]\s+(["'`]?)([A-Za-z][A-Za-z0-9]*)\1(?:\s*\([^)\n]*\))?\s*(?::|\s-\s)/g;

/**
 * Extract an allowed-value set from a description, or undefined when no sentence is certain.
 * Returns the first sentence that parses completely.
 */
export function deriveEnum(description) {
  if (!description) return undefined;
  ENUM_TRIGGER.lastIndex = 0;
  let m;
  while ((m = ENUM_TRIGGER.exec(description)) !== null) {
    const rest = description.slice(m.index + m[0].length);
    // Form 1: inline list terminated by the end of the sentence.
    const inline = /^[ \t]*([^.\n]*?)[ \t]*(?:\.(?=\s|$)|$)/.exec(rest);
    if (inline && inline[1] && !inline[1].includes('(')) {
      const parts = inline[1].split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/);
      const values = [];
      let ok = parts.length >= 2;
      for (const part of parts) {
        const item = ENUM_ITEM.exec(part);
        if (!item) { ok = false; break; }
        values.push(item[2]);
      }
      // "In, NotIn, Exists, DoesNotExist. Gt, and Lt.": the list continues after the period.
      const after = rest.slice(inline[0].length);
      if (ok && /^\s*["'`]?[A-Za-z][A-Za-z0-9]*["'`]?\s*(?:,|and\s|or\s)/.test(after)) ok = false;
      if (ok) return [...new Set(values)];
    }
    // Form 2: "...values are:" followed by a bullet list "- Name: text" / "- "Name" (default): text".
    if (m[1] === ':') {
      const values = [];
      BULLET_ITEM.lastIndex = 0;
      let b;
      while ((b = BULLET_ITEM.exec(rest)) !== null) values.push(b[2]);
      if (values.length >= 2) return [...new Set(values)];
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Descriptions

const ABBREVIATIONS = /(?:\be\.g|\bi\.e|\betc|\bvs|\bex|\bEx|\bNo|\bapprox)$/;

/** First `max` sentences of a description, whitespace collapsed; keeps enough for a useful hover. */
export function trimDescription(text, max = 2) {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  let count = 0;
  const re = /[.!?](?=\s+["'`(\[]?[A-Z0-9])/g;
  let m;
  while ((m = re.exec(flat)) !== null) {
    if (m[0] === '.' && ABBREVIATIONS.test(flat.slice(Math.max(0, m.index - 8), m.index))) continue;
    count++;
    if (count === max) return flat.slice(0, m.index + 1);
  }
  return flat;
}

// ---------------------------------------------------------------------------------------------
// Conversion

function refName(schema) {
  const ref = schema.$ref ?? (Array.isArray(schema.allOf) && schema.allOf.length === 1 ? schema.allOf[0].$ref : undefined);
  return ref ? shortName(ref.replace(/^#\/(?:components\/schemas|definitions)\//, '')) : undefined;
}

class Converter {
  constructor(defs) {
    /** short name -> upstream schema */
    this.defs = defs;
    this.stats = { tableEnums: 0, derivedEnums: 0, suppressedEnums: 0, derivedList: [], tableKeysUsed: new Set() };
  }

  /** Compact form of one property (or items/additionalProperties) schema. */
  node(schema, owner, prop) {
    const ref = refName(schema);
    let out;
    if (ref) {
      out = SPECIAL_DEFS[ref] ? { ...SPECIAL_DEFS[ref] } : { $: ref };
      if (!SPECIAL_DEFS[ref] && !this.defs[ref]) throw new Error(`dangling reference ${ref} in ${owner}`);
    } else {
      out = this.shape(schema, owner);
    }
    const d = trimDescription(schema.description);
    const target = ref && !SPECIAL_DEFS[ref] ? this.defs[ref] : undefined;
    if (d && !(target && trimDescription(target.description) === d)) out.d = d;
    if (prop !== undefined) this.applyEnum(out, schema, `${owner}.${prop}`);
    return out;
  }

  shape(schema, owner) {
    const out = {};
    if (schema['x-kubernetes-int-or-string'] || schema.format === 'int-or-string') {
      out.t = 'ios';
    } else if (schema.type === 'array') {
      out.t = 'array';
      out.i = schema.items ? this.node(schema.items, owner) : { t: 'any' };
    } else if (schema.type === 'object' || schema.properties) {
      out.t = 'object';
      if (schema.properties) {
        out.p = {};
        for (const key of Object.keys(schema.properties).sort()) {
          out.p[key] = this.node(schema.properties[key], owner, key);
        }
      }
      if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
        out.a = schema.additionalProperties === true ? { t: 'any' } : this.node(schema.additionalProperties, owner);
      }
      if (!out.p && !out.a && !schema['x-kubernetes-preserve-unknown-fields']) out.p = {};
      if (Array.isArray(schema.required) && schema.required.length) out.r = [...schema.required].sort();
    } else if (['string', 'integer', 'number', 'boolean'].includes(schema.type)) {
      out.t = schema.type;
      if (schema.format) out.f = schema.format;
    } else {
      out.t = 'any';
    }
    if (schema['x-kubernetes-preserve-unknown-fields']) out.x = 1;
    if (schema['x-kubernetes-embedded-resource']) out.m = 1;
    if (Array.isArray(schema.enum) && schema.enum.length) out.e = [...schema.enum];
    return out;
  }

  applyEnum(out, schema, key) {
    const target = out.t === 'array' ? out.i : out;
    if (Object.prototype.hasOwnProperty.call(ENUM_TABLE, key)) {
      this.stats.tableKeysUsed.add(key);
      const entry = ENUM_TABLE[key];
      if (entry === null) {
        this.stats.suppressedEnums++;
        return;
      }
      const holder = entry.items ? out.i : out;
      if (!holder || holder.t !== 'string') throw new Error(`enum table entry ${key} does not fit the schema`);
      holder.e = [...entry.values];
      this.stats.tableEnums++;
      return;
    }
    // Only plain strings: "format: byte" fields mention key types etc. that are not their own values.
    if (!target || target.t !== 'string' || target.f || target.e) return;
    const values = deriveEnum(schema.description);
    if (values) {
      target.e = values;
      this.stats.derivedEnums++;
      this.stats.derivedList.push(`${key} = ${values.join(' | ')}`);
    }
  }

  definition(name) {
    const schema = this.defs[name];
    const out = this.shape(schema, name);
    const d = trimDescription(schema.description);
    if (d) out.d = d;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Sources

function readJSON(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Merge the per-group-version v3 files into one definition map (short names). */
function loadV3(dir) {
  const defs = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const schemas = readJSON(path.join(dir, file)).components?.schemas ?? {};
    for (const [full, schema] of Object.entries(schemas)) {
      const name = shortName(full);
      if (defs[name] && JSON.stringify(defs[name]) !== JSON.stringify(schema)) {
        throw new Error(`definition ${full} differs between v3 files`);
      }
      defs[name] = schema;
    }
  }
  return defs;
}

function loadV2(file) {
  const defs = {};
  for (const [full, schema] of Object.entries(readJSON(file).definitions)) defs[shortName(full)] = schema;
  return defs;
}

/** The synthetic `v1 List` kind (kubectl's list wrapper: not in the OpenAPI, common in manifests). */
const LIST_DEF = {
  t: 'object',
  d: 'List holds a list of objects of any kind, as written by kubectl (kind: List). Not stored by the API server: each item is applied on its own.',
  p: {
    apiVersion: { t: 'string', d: 'APIVersion defines the versioned schema of this representation of an object.' },
    items: { t: 'array', d: 'The objects of the list; each one is a complete resource with apiVersion and kind.', i: { t: 'object', x: 1, m: 1 } },
    kind: { t: 'string', d: 'Kind is a string value representing the REST resource this object represents.' },
    metadata: { $: 'meta.v1.ListMeta' },
  },
  r: ['items'],
};

/** Groups that belonged to Kubernetes in versions before the oldest deprecations.tsv row. */
const HISTORICAL_GROUPS = ['extensions', 'settings.k8s.io', 'auditregistration.k8s.io', 'imagepolicy.k8s.io'];

function buildVersion(defs) {
  const conv = new Converter(defs);
  /** apiVersion -> kind -> short def name */
  const kinds = {};
  for (const name of Object.keys(defs).sort()) {
    if (name.startsWith('meta.v1.')) continue; // DeleteOptions, WatchEvent, Status ...: not manifests
    for (const gvk of defs[name]['x-kubernetes-group-version-kind'] ?? []) {
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      (kinds[apiVersion] ??= {})[gvk.kind] = name;
    }
  }
  kinds.v1.List = 'meta.v1.List';

  // Definitions reachable from the kinds, converted.
  const out = {};
  const queue = Object.values(kinds).flatMap((k) => Object.values(k));
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (node.$ && !out[node.$] && !queue.includes(node.$)) queue.push(node.$);
    for (const child of [node.i, node.a, ...Object.values(node.p ?? {})]) visit(child);
  };
  while (queue.length) {
    const name = queue.shift();
    if (out[name]) continue;
    out[name] = name === 'meta.v1.List' ? structuredClone(LIST_DEF) : conv.definition(name);
    visit(out[name]);
  }
  const packages = {};
  for (const name of Object.keys(out).sort()) (packages[packageOf(name)] ??= {})[localOf(name)] = out[name];
  return { kinds, packages, stats: conv.stats };
}

// ---------------------------------------------------------------------------------------------
// Output

/** JSON.stringify with recursively sorted object keys (deterministic output). */
function stableStringify(value) {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function readDeprecationGroups() {
  const rows = fs.readFileSync(path.join(DATA, 'deprecations.tsv'), 'utf8').split('\n').slice(1);
  const groups = new Set();
  for (const row of rows) {
    const gv = row.split('\t')[0];
    if (!gv) continue;
    groups.add(gv.includes('/') ? gv.slice(0, gv.indexOf('/')) : '');
  }
  return groups;
}

export function build(outDir) {
  const started = Date.now();
  const versions = [
    { version: '1.35', source: 'OpenAPI v3 (openapi-v3-1.35)', defs: loadV3(path.join(DATA, 'openapi-v3-1.35')) },
    { version: '1.36', source: 'OpenAPI v2 (openapi-v2-1.36/swagger.json)', defs: loadV2(path.join(DATA, 'openapi-v2-1.36', 'swagger.json')) },
  ];
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const index = { format: FORMAT_VERSION, coreGroups: [], versions: {} };
  const coreGroups = readDeprecationGroups();
  for (const g of HISTORICAL_GROUPS) coreGroups.add(g);
  /** file content -> relative path, to share identical package files between versions */
  const written = new Map();
  const report = {};
  for (const { version, source, defs } of versions) {
    const { kinds, packages, stats } = buildVersion(defs);
    const files = {};
    for (const [pkg, pkgDefs] of Object.entries(packages)) {
      const text = stableStringify({ defs: pkgDefs });
      let rel = written.get(text);
      if (!rel) {
        rel = `${version}/${pkg}.json`;
        fs.mkdirSync(path.join(outDir, version), { recursive: true });
        fs.writeFileSync(path.join(outDir, rel), text);
        written.set(text, rel);
      }
      files[pkg] = rel;
    }
    for (const apiVersion of Object.keys(kinds)) coreGroups.add(apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
    index.versions[version] = { source, files, kinds };
    report[version] = stats;
  }
  // Every reviewed entry must match a property of at least one version (catches typos in keys).
  const unused = Object.keys(ENUM_TABLE).filter((key) => !Object.values(report).some((s) => s.tableKeysUsed.has(key)));
  if (unused.length) throw new Error(`ENUM_TABLE entries that match no property: ${unused.join(', ')}`);
  index.coreGroups = [...coreGroups].sort();
  fs.writeFileSync(path.join(outDir, 'index.json'), stableStringify(index));

  let bytes = 0;
  let count = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else { bytes += fs.statSync(p).size; count++; }
    }
  };
  walk(outDir);
  return { bytes, files: count, ms: Date.now() - started, enums: report };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outIdx = process.argv.indexOf('--out');
  const outDir = outIdx > 0 ? path.resolve(process.argv[outIdx + 1]) : path.join(ROOT, 'dist', 'schema');
  const result = build(outDir);
  for (const [version, s] of Object.entries(result.enums)) {
    console.log(`${version}: ${s.tableEnums} enum fields from the reviewed table, ${s.derivedEnums} derived from descriptions, ${s.suppressedEnums} suppressed`);
    if (process.argv.includes('--report')) for (const line of s.derivedList) console.log(`  derived ${line}`);
  }
  console.log(`dist/schema: ${result.files} files, ${result.bytes} bytes, built in ${result.ms} ms`);
}
