import type { YamlDocumentRule } from '../registry';
import { checkLifecycle } from './lifecycle-shared';

/** apiVersion no longer served by the selected version (e.g. extensions/v1beta1 Deployment). */
export const removedApi: YamlDocumentRule = {
  id: 'removed-api',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'error',
  fixTiers: ['safe'],
  references: [{ title: 'Kubernetes Deprecated API Migration Guide', url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/' }],
  check(ctx) {
    checkLifecycle(ctx, 'removed-api');
  },
};
