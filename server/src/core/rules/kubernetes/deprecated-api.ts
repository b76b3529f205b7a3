import { checkLifecycle } from './lifecycle-shared';
import { defineRule } from '../define';

/** apiVersion deprecated in the selected version (still served), with the replacement named. */
export const deprecatedApi = defineRule({
  id: 'deprecated-api',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['safe'],
  equivalents: ['kube-linter:no-extensions-v1beta'],
  references: [{ title: 'Kubernetes Deprecated API Migration Guide', url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/' }],
  docs: {
    summary: 'An apiVersion that is deprecated: it still works in the selected Kubernetes version but a later one stops serving it. The replacement is named; the fix rewrites apiVersion where only apiVersion changes.',
    risk: 'Manifests fail to apply after a cluster upgrade.',
    fix: 'Move to the replacement apiVersion, applying the listed field changes when there are any.',
  },
  messages: {
    'removal.mechanical': '{apiVersion} {kind} is deprecated and no longer served from Kubernetes {removedIn}; use {replacement} (only apiVersion changes).',
    'removal.changes': '{apiVersion} {kind} is deprecated and no longer served from Kubernetes {removedIn}; use {replacement}. Changes: {notes}',
    'removal.none': '{apiVersion} {kind} is deprecated and no longer served from Kubernetes {removedIn}, with no replacement. {notes}',
    'served.mechanical': '{apiVersion} {kind} is deprecated; use {replacement} (only apiVersion changes).',
    'served.changes': '{apiVersion} {kind} is deprecated; use {replacement}. Changes: {notes}',
    'served.none': '{apiVersion} {kind} is deprecated, with no replacement. {notes}',
    fixTitle: 'Change apiVersion to {replacement}',
  },
  check(ctx, m) {
    checkLifecycle(ctx, 'deprecated-api', {
      finding: (variant, served, args) => m(`${served ? 'served' : 'removal'}.${variant}` as const, args),
      fixTitle: (replacement) => m('fixTitle', { replacement }),
    });
  },
});
