import { ruleTester } from '../../../../../test/rule-tester';
import { cmdShellForm } from './cmd-shell-form';

ruleTester(cmdShellForm, {
  valid: [
    'FROM debian:12\nCMD ["/bin/bash"]\nENTRYPOINT ["/usr/bin/app", "--serve"]\n',
    { name: 'a SHELL chosen on purpose', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Write-Host hi\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nCMD /bin/bash -c "echo hi"\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 26], args: { instruction: 'CMD' }, severity: 'warning' }],
      output: 'FROM debian:12\nCMD ["/bin/bash", "-c", "echo hi"]\n',
    },
    { name: 'shell syntax: no fix', code: 'FROM debian:12\nENTRYPOINT app --port $PORT && true\n', errors: [{ messageId: 'message', args: { instruction: 'ENTRYPOINT' } }], output: null },
  ],
});
