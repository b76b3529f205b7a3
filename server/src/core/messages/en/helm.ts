/**
 * Helm templates: the conditions a finding depends on, default values used, includes not rendered
 * (notes appended to a finding's message, and its related information).
 */
export const helm: Record<string, string> = {
  'helm.when.off.true': 'Rendered only when {condition} is true; the chart\'s default values ({file}) leave it out.',
  'helm.when.off.false': 'Rendered only when {condition} is false; the chart\'s default values ({file}) leave it out.',
  'helm.when.off.set': 'Rendered only when {condition} is set; the chart\'s default values ({file}) leave it out.',
  'helm.when.off.unset': 'Rendered only when {condition} is not set; the chart\'s default values ({file}) leave it out.',
  'helm.when.off.expr': 'Rendered only when `{condition}` holds; the chart\'s default values ({file}) leave it out.',
  'helm.when.override.true': 'Rendered only when {condition} is true; the chart\'s default values ({file}) leave it out, {override} renders it.',
  'helm.when.override.false': 'Rendered only when {condition} is false; the chart\'s default values ({file}) leave it out, {override} renders it.',
  'helm.when.override.set': 'Rendered only when {condition} is set; the chart\'s default values ({file}) leave it out, {override} renders it.',
  'helm.when.override.unset': 'Rendered only when {condition} is not set; the chart\'s default values ({file}) leave it out, {override} renders it.',
  'helm.when.override.expr': 'Rendered only when `{condition}` holds; the chart\'s default values ({file}) leave it out, {override} renders it.',
  'helm.when.unknown.true': 'Rendered only when {condition} is true.',
  'helm.when.unknown.false': 'Rendered only when {condition} is false.',
  'helm.when.unknown.set': 'Rendered only when {condition} is set.',
  'helm.when.unknown.unset': 'Rendered only when {condition} is not set.',
  'helm.when.unknown.expr': 'Rendered only when `{condition}` holds.',
  'helm.when.dependency.off': 'Part of subchart {chart}, which {parent} renders only when {condition} is true; the parent\'s default values ({file}) leave it out.',
  'helm.when.cluster': 'Rendered only when `{condition}` holds, which Kubernetes {version} (the selected version) does not.',
  'helm.value.default': '{field} is {value}: the default of {path} in {file}.',
  'helm.value.templateDefault': '{field} is {value}: the template\'s `default`, as {path} is empty in {file}.',
  'helm.related.condition': 'The condition: `{condition}`.',
  'helm.related.value': 'The default value of {path}: {value}.',
  'helm.related.include': 'The {field} of this object comes from include "{name}", which Dockyard does not render: the finding assumes it sets nothing.',
};
