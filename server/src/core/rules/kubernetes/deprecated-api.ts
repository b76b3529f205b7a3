import type { YamlDocumentRule } from '../registry';
import { checkLifecycle } from './lifecycle-shared';

/** apiVersion deprecated in the selected version (still served), with the replacement named. */
export const deprecatedApi: YamlDocumentRule = {
  id: 'deprecated-api',
  category: 'kubernetes',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  fixTiers: ['safe'],
  references: [{ title: 'Kubernetes Deprecated API Migration Guide', url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/' }],
  check(ctx) {
    checkLifecycle(ctx, 'deprecated-api');
  },
};
