/**
 * Helm templates: the conditions a finding depends on, default values used, includes not rendered
 * (notes appended to a finding's message, and its related information).
 */
export const helm: Record<string, string> = {
  'helm.when.off.true': 'Rendered only when {condition} is true, which the chart\'s default values ({file}) switch off.',
  'helm.when.off.false': 'Rendered only when {condition} is false, which the chart\'s default values ({file}) switch off.',
  'helm.when.off.expr': 'Rendered only when `{condition}` holds, which the chart\'s default values ({file}) switch off.',
  'helm.when.override.true': 'Rendered only when {condition} is true: off in the chart\'s default values ({file}), on with {override}.',
  'helm.when.override.false': 'Rendered only when {condition} is false: off in the chart\'s default values ({file}), on with {override}.',
  'helm.when.override.expr': 'Rendered only when `{condition}` holds: off in the chart\'s default values ({file}), on with {override}.',
  'helm.when.unknown.true': 'Rendered only when {condition} is true.',
  'helm.when.unknown.false': 'Rendered only when {condition} is false.',
  'helm.when.unknown.expr': 'Rendered only when `{condition}` holds.',
  'helm.when.cluster': 'Rendered only when `{condition}` holds, which Kubernetes {version} (the selected version) does not.',
  'helm.value.default': '{field} is {value}: the default of {path} in {file}.',
  'helm.related.condition': 'The condition: `{condition}`.',
  'helm.related.value': 'The default value of {path}: {value}.',
  'helm.related.include': 'The {field} of this object comes from include "{name}", which Dockyard does not render: the finding assumes it sets nothing.',
};
