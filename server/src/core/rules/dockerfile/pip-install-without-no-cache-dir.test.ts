import { ruleTester } from '../../../../../test/rule-tester';
import { pipInstallWithoutNoCacheDir } from './pip-install-without-no-cache-dir';

ruleTester(pipInstallWithoutNoCacheDir, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir MySQL_python==1.2.2\n',
    { name: 'PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.0\n' },
    { name: 'cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0\n' },
    { name: 'a build stage', code: 'FROM python:3.12 AS build\nRUN pip wheel -w /w flask==3.0 && pip install flask==3.0\nFROM python:3.12-slim\nCOPY --from=build /w /w\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install MySQL_python==1.2.2\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 15], args: { command: 'pip' }, severity: 'information' }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir MySQL_python==1.2.2\n',
    },
    { name: 'python -m pip', code: 'FROM python:3.12\nRUN python3 -m pip install flask==3.0\n', errors: [{ messageId: 'message', range: [1, 4, 1, 26], args: { command: 'python3 -m pip' } }], output: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir flask==3.0\n' },
  ],
});
