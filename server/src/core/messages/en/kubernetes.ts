/** Messages of the kubernetes area. Ids `kubernetes.*`; the rules' texts live in their definitions (defineRule). */
export const kubernetes: Record<string, string> = {
  // hover and completion
  'kubernetes.hover.field': '**{name}** `{type}`',
  'kubernetes.hover.fieldUntyped': '**{name}**',
  'kubernetes.hover.required': 'required',
  'kubernetes.hover.path': '{path} in {kind} ({apiVersion})',
  'kubernetes.hover.enum': 'Allowed values: {values}',
  'kubernetes.hover.kind': '**{kind}** — {apiVersion}, Kubernetes {version}',
  'kubernetes.completion.detailRequired': '{type} (required)',
};
