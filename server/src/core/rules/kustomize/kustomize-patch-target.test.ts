import { ruleTester } from '../../../../../test/rule-tester';
import { useMemoryFiles } from '../../../../../test/memory-files';
import { kustomizePatchTarget } from './kustomize-patch-target';

const files = useMemoryFiles('/repo', {
  '/repo/base/kustomization.yaml': 'namePrefix: base-\nresources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n',
  '/repo/base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app\n',
  '/repo/overlay/ok.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 2\n',
  '/repo/overlay/prefixed.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: base-app\n',
  '/repo/overlay/renamed.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
  '/repo/overlay/two.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: app\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nothing\n',
});

const PATH = '/repo/overlay/kustomization.yaml';

ruleTester(kustomizePatchTarget, {
  valid: [
    {
      name: 'patches naming base objects by their own or prefixed names, generated objects, label selectors and regular expressions (not judged)',
      path: PATH,
      code: 'resources:\n  - ../base\npatchesStrategicMerge:\n  - ok.yaml\n  - prefixed.yaml\npatches:\n  - path: ok.yaml\n  - target:\n      kind: ConfigMap\n      name: settings\n    patch: |-\n      - op: add\n        path: /data/x\n        value: y\n  - target:\n      kind: Deployment\n      labelSelector: app=web\n    path: ok.yaml\n  - target:\n      name: app.*\n    path: ok.yaml\n  - path: missing.yaml\n',
    },
  ],
  invalid: [
    {
      name: 'a renamed object, a target that matches nothing, a kind no base has, one document of two',
      path: PATH,
      code: [
        'resources:',
        '  - ../base',
        'patchesStrategicMerge:',
        '  - renamed.yaml',
        'patches:',
        '  - path: two.yaml',
        '  - target:',
        '      kind: Deployment',
        '      name: api',
        '    patch: |-',
        '      - op: replace',
        '        path: /spec/replicas',
        '        value: 3',
        '  - target:',
        '      kind: StatefulSet',
        '    path: ok.yaml',
        '  - patch: |-',
        '      apiVersion: apps/v1',
        '      kind: Deployment',
        '      metadata:',
        '        name: ghost',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'noMatch', range: [3, 4, 3, 16], args: { kind: 'Deployment', name: 'web' }, severity: 'error' },
        { messageId: 'noMatch', range: [5, 10, 5, 18], args: { kind: 'ConfigMap', name: 'nothing' } },
        { messageId: 'noMatch', range: [8, 12, 8, 15], args: { kind: 'Deployment', name: 'api' } },
        { messageId: 'noMatchKind', range: [14, 12, 14, 23], args: { kind: 'StatefulSet' } },
        { messageId: 'noMatch', range: [16, 4, 16, 9], args: { kind: 'Deployment', name: 'ghost' } },
      ],
      output: null,
    },
  ],
}, { providers: { files } });
