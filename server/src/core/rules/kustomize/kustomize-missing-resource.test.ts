import { ruleTester } from '../../../../../test/rule-tester';
import { useMemoryFiles } from '../../../../../test/memory-files';
import { kustomizeMissingResource } from './kustomize-missing-resource';

const files = useMemoryFiles('/repo', {
  '/repo/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  '/repo/base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n',
  '/repo/base/app.properties': 'a=b\n',
  '/repo/components/debug/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
  '/repo/overlay/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n',
  '/repo/overlay/.env': 'MODE=x\n',
  '/repo/empty/readme.txt': 'no kustomization here\n',
});

const PATH = '/repo/overlay/kustomization.yaml';

ruleTester(kustomizeMissingResource, {
  valid: [
    {
      name: 'files, folders with a kustomization, components, patches, generator files and envs that exist; remote bases are not checked',
      path: PATH,
      code: 'resources:\n  - ../base\n  - https://github.com/org/repo//deploy?ref=v1\n  - github.com/org/repo/base?ref=main\ncomponents:\n  - ../components/debug\npatches:\n  - path: patch.yaml\npatchesStrategicMerge:\n  - patch.yaml\nconfigMapGenerator:\n  - name: c\n    files:\n      - app=../base/app.properties\n    envs:\n      - .env\n',
    },
    { name: 'not a kustomization file: not judged', path: '/repo/overlay/other.yaml', code: 'resources:\n  - nothing.yaml\n' },
  ],
  invalid: [
    {
      name: 'every field: a missing file, a folder without kustomization, a folder as a patch, a path out of the repository',
      path: PATH,
      code: [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  - ../base',
        '  - service.yaml',
        '  - ../empty',
        '  - ../../etc',
        'components:',
        '  - ../components/gone',
        'patches:',
        '  - path: patch.yaml',
        '  - path: ../base',
        'patchesStrategicMerge:',
        '  - ghost.yaml',
        'configMapGenerator:',
        '  - name: c',
        '    files:',
        '      - key=missing.properties',
        'secretGenerator:',
        '  - name: s',
        '    envs:',
        '      - secret.env',
        '',
      ].join('\n'),
      errors: [
        { messageId: 'missing', range: [4, 4, 4, 16], args: { field: 'resources', entry: 'service.yaml' }, severity: 'error' },
        { messageId: 'noKustomization', range: [5, 4, 5, 12], args: { field: 'resources', entry: '../empty' } },
        { messageId: 'outside', range: [6, 4, 6, 13], args: { field: 'resources', entry: '../../etc' } },
        { messageId: 'missing', range: [8, 4, 8, 22], args: { field: 'components', entry: '../components/gone' } },
        { messageId: 'notAFile', range: [11, 10, 11, 17], args: { field: 'patches', entry: '../base' } },
        { messageId: 'missing', range: [13, 4, 13, 14], args: { field: 'patches', entry: 'ghost.yaml' } },
        { messageId: 'missing', range: [17, 8, 17, 30], args: { field: 'generator', entry: 'missing.properties' } },
        { messageId: 'missing', range: [21, 8, 21, 18], args: { field: 'generator', entry: 'secret.env' } },
      ],
      output: null,
    },
  ],
}, { providers: { files } });
