import { checkLifecycle } from './lifecycle-shared';
import { defineRule } from '../define';

/** apiVersion no longer served by the selected version (e.g. extensions/v1beta1 Deployment). */
export const removedApi = defineRule({
  id: 'removed-api',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  fixTiers: ['safe'],
  equivalents: ['kube-linter:no-extensions-v1beta'],
  references: [{ title: 'Kubernetes Deprecated API Migration Guide', url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/' }],
  docs: {
    summary: 'An apiVersion the selected Kubernetes version no longer serves (e.g. extensions/v1beta1 Deployment, removed in 1.16). The fix rewrites apiVersion where only apiVersion changes; otherwise the message lists the field changes.',
    risk: 'kubectl apply fails with "no matches for kind" on the selected version.',
    fix: 'Move to the replacement apiVersion and apply the listed field changes, or select the Kubernetes version you deploy to (`kubernetes.version`).',
  },
  messages: {
    mechanical: '{apiVersion} {kind} is not served since Kubernetes {removedIn} (selected: {version}); use {replacement} (only apiVersion changes).',
    changes: '{apiVersion} {kind} is not served since Kubernetes {removedIn} (selected: {version}); use {replacement}. Changes: {notes}',
    none: '{apiVersion} {kind} is not served since Kubernetes {removedIn} (selected: {version}) and has no replacement. {notes}',
    fixTitle: 'Change apiVersion to {replacement}',
  },
  check(ctx, m) {
    checkLifecycle(ctx, 'removed-api', { finding: (variant, _served, args) => m(variant, args), fixTitle: (replacement) => m('fixTitle', { replacement }) });
  },
});
