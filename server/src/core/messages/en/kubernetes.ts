/** Messages of the kubernetes area. Ids: `rule.<rule-id>.*` for rules, `kubernetes.*` for the rest. */
export const kubernetes: Record<string, string> = {
  // unknown-kind
  'rule.unknown-kind.summary': 'An apiVersion/kind pair the selected Kubernetes version does not serve. Custom resources (API groups outside Kubernetes) are skipped unless `kubernetes.crdSchemas` names a schema for them.',
  'rule.unknown-kind.risk': 'kubectl apply fails with "no matches for kind"; in a multi-document file the other objects may be applied without this one.',
  'rule.unknown-kind.fix': 'Correct the kind or the apiVersion (the quick fix offers the nearest match), select another Kubernetes version (`kubernetes.version`), or configure the CRD schema of a custom resource.',
  'rule.unknown-kind.message': 'Kubernetes {version} has no kind "{kind}" in {apiVersion}.',
  'rule.unknown-kind.suggest': 'Kubernetes {version} has no kind "{kind}" in {apiVersion}; did you mean "{suggestion}"?',
  'rule.unknown-kind.apiVersion': 'Kubernetes {version} does not serve {apiVersion} (kind "{kind}").',
  'rule.unknown-kind.otherApiVersion': 'Kubernetes {version} serves "{kind}" as {expected}, not {apiVersion}.',
  'rule.unknown-kind.fixApiVersion': 'Change apiVersion to {apiVersion}',
  'rule.unknown-kind.fixKind': 'Change kind to {kind}',
  'rule.unknown-kind.suggestOther': 'Kubernetes {version} has no kind "{kind}" in {apiVersion}; did you mean "{suggestion}" ({expected})?',
  'rule.unknown-kind.fixBoth': 'Change to {apiVersion} {kind}',
  'rule.unknown-kind.crdUnreadable': 'The schema file "{file}" configured for {kind} (kubernetes.crdSchemas) cannot be read.',
  'rule.unknown-kind.crdNoVersion': 'The CustomResourceDefinition in "{file}" does not define {apiVersion} for {kind} (versions: {versions}).',
  'rule.unknown-kind.crdNoKind': '"{file}" (kubernetes.crdSchemas) holds neither a CustomResourceDefinition for {kind} in {apiVersion} nor a JSON schema.',

  // schema-required
  'rule.schema-required.summary': 'A field the Kubernetes schema requires is missing.',
  'rule.schema-required.risk': 'The API server rejects the object.',
  'rule.schema-required.fix': 'Add the field. Hover a key to see its documentation; completion lists required fields first.',
  'rule.schema-required.message': 'Missing required field "{key}" in {path}.',
  'rule.schema-required.root': '{kind} requires the field "{key}".',

  // schema-type
  'rule.schema-type.summary': 'A value of the wrong type: a string where an integer is expected, a list where an object is, an IntOrString or Quantity that is neither.',
  'rule.schema-type.risk': 'The API server rejects the object, or YAML typing surprises (`"8080"` vs `8080`, `on`/`yes`) change what is applied.',
  'rule.schema-type.fix': 'Write the value with the type the field takes; quote strings that look like numbers or booleans.',
  'rule.schema-type.message': '{path} must be {expected}, not {actual}.',
  'rule.schema-type.readAsBoolean': '{path} must be a string, but kubectl reads the unquoted {source} as the boolean {value} (YAML 1.1), which the API server rejects; quote it.',
  'rule.schema-type.readAsNumber': '{path} must be a string, but kubectl reads the unquoted {source} as the number {value}, which the API server rejects; quote it.',
  'rule.schema-type.quoteFix': 'Quote it: {quoted}',

  // schema-enum
  'rule.schema-enum.summary': 'A value outside the set the field allows (`imagePullPolicy: Sometimes`, `restartPolicy: Allways`). The 1.35 OpenAPI data has no `enum`, so the sets come from the field descriptions and a reviewed table.',
  'rule.schema-enum.risk': 'The API server rejects the object.',
  'rule.schema-enum.fix': 'Use one of the allowed values (case matters); the quick fix picks the nearest one.',
  'rule.schema-enum.message': '{path} is "{actual}"; allowed: {allowed}.',
  'rule.schema-enum.suggest': '{path} is "{actual}"; allowed: {allowed}. Did you mean "{suggestion}"?',
  'rule.schema-enum.fixTitle': 'Change to "{value}"',

  // schema-unknown-field
  'rule.schema-unknown-field.summary': 'A field the Kubernetes schema does not define: a typo (`contaienrs`) or a field at the wrong level (`imagePullPolicy` under the pod spec).',
  'rule.schema-unknown-field.risk': 'kubectl drops unknown fields with a warning (or rejects them with --validate=strict): the setting silently has no effect.',
  'rule.schema-unknown-field.fix': 'Rename the field (the quick fix applies the suggestion) or move it to the level where it belongs.',
  'rule.schema-unknown-field.message': 'Unknown field "{key}" in {path}.',
  'rule.schema-unknown-field.suggest': 'Unknown field "{key}" in {path}; did you mean "{suggestion}"?',
  'rule.schema-unknown-field.fixTitle': 'Rename to "{suggestion}"',

  // deprecated-api
  'rule.deprecated-api.summary': 'An apiVersion that is deprecated: it still works in the selected Kubernetes version but a later one stops serving it. The replacement is named; the fix rewrites apiVersion where only apiVersion changes.',
  'rule.deprecated-api.risk': 'Manifests fail to apply after a cluster upgrade.',
  'rule.deprecated-api.fix': 'Move to the replacement apiVersion, applying the listed field changes when there are any.',
  'rule.deprecated-api.removal.mechanical': '{apiVersion} {kind} is deprecated and no longer served from Kubernetes {removedIn}; use {replacement} (only apiVersion changes).',
  'rule.deprecated-api.removal.changes': '{apiVersion} {kind} is deprecated and no longer served from Kubernetes {removedIn}; use {replacement}. Changes: {notes}',
  'rule.deprecated-api.removal.none': '{apiVersion} {kind} is deprecated and no longer served from Kubernetes {removedIn}, with no replacement. {notes}',
  'rule.deprecated-api.served.mechanical': '{apiVersion} {kind} is deprecated; use {replacement} (only apiVersion changes).',
  'rule.deprecated-api.served.changes': '{apiVersion} {kind} is deprecated; use {replacement}. Changes: {notes}',
  'rule.deprecated-api.served.none': '{apiVersion} {kind} is deprecated, with no replacement. {notes}',
  'rule.deprecated-api.fixTitle': 'Change apiVersion to {replacement}',

  // removed-api
  'rule.removed-api.summary': 'An apiVersion the selected Kubernetes version no longer serves (e.g. extensions/v1beta1 Deployment, removed in 1.16). The fix rewrites apiVersion where only apiVersion changes; otherwise the message lists the field changes.',
  'rule.removed-api.risk': 'kubectl apply fails with "no matches for kind" on the selected version.',
  'rule.removed-api.fix': 'Move to the replacement apiVersion and apply the listed field changes, or select the Kubernetes version you deploy to (`kubernetes.version`).',
  'rule.removed-api.mechanical': '{apiVersion} {kind} is not served since Kubernetes {removedIn} (selected: {version}); use {replacement} (only apiVersion changes).',
  'rule.removed-api.changes': '{apiVersion} {kind} is not served since Kubernetes {removedIn} (selected: {version}); use {replacement}. Changes: {notes}',
  'rule.removed-api.none': '{apiVersion} {kind} is not served since Kubernetes {removedIn} (selected: {version}) and has no replacement. {notes}',
  'rule.removed-api.fixTitle': 'Change apiVersion to {replacement}',

  // selector-mismatch
  'rule.selector-mismatch.summary': 'A Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or ReplicationController whose selector does not select its own pod template (error), or a Service whose selector matches no pod template in the files Dockyard has indexed (warning).',
  'rule.selector-mismatch.risk': 'The API server rejects a workload whose selector misses its template; a Service that selects nothing has no endpoints and its traffic goes nowhere.',
  'rule.selector-mismatch.fix': 'Make the selector and the pod template labels agree (selectors of workloads are immutable: change the template labels, or recreate the object). For a Service, check the labels of the pods it should reach.',
  'rule.selector-mismatch.template': 'The {kind} selector requires {requirement}, but the pod template labels are {labels}.',
  'rule.selector-mismatch.empty': 'A {kind} needs a non-empty selector that matches its pod template labels.',
  'rule.selector-mismatch.service': 'The Service selector {selector} matches no pod template in the workspace.',
  'rule.selector-mismatch.closest': 'Closest: {kind} "{name}" with pod labels {labels}.',

  // missing-reference
  'rule.missing-reference.summary': 'A ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount a pod refers to, defined in none of the files Dockyard has indexed (information: it may be created in the cluster by other means).',
  'rule.missing-reference.risk': 'Pods stay in ContainerCreating / CreateContainerConfigError until the object exists.',
  'rule.missing-reference.fix': 'Add the object to the manifests, correct the name, or mark the reference `optional: true` when the pod can start without it. Run "Lint workspace" so that every file is indexed.',
  'rule.missing-reference.message': '{kind} "{name}" ({via}) is not defined in the workspace.',

  // duplicate-resource
  'rule.duplicate-resource.summary': 'Two documents define the same object (API group, kind, namespace and name), in one file or in files of the same folder; the later one overwrites the first on apply.',
  'rule.duplicate-resource.risk': 'Only one of the two definitions ends up in the cluster, silently.',
  'rule.duplicate-resource.fix': 'Remove one definition, or give one of them another name or namespace.',
  'rule.duplicate-resource.message': '{kind} "{name}" is defined {count} times.',
  'rule.duplicate-resource.other': 'Another definition of {kind} "{name}".',

  // hover and completion
  'kubernetes.hover.field': '**{name}** `{type}`',
  'kubernetes.hover.fieldUntyped': '**{name}**',
  'kubernetes.hover.required': 'required',
  'kubernetes.hover.path': '{path} in {kind} ({apiVersion})',
  'kubernetes.hover.enum': 'Allowed values: {values}',
  'kubernetes.hover.kind': '**{kind}** — {apiVersion}, Kubernetes {version}',
  'kubernetes.completion.detailRequired': '{type} (required)',
};
