import { ruleTester } from '../../../../../test/rule-tester';
import { distroUpgradeInRun } from './distro-upgrade-in-run';

ruleTester(distroUpgradeInRun, {
  valid: ['FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n', { name: 'zypper update', code: 'FROM opensuse/leap:15.6\nRUN zypper -n update\n' }],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y\n', errors: [{ messageId: 'message', range: [1, 22, 1, 42], args: { command: 'apt-get', action: 'dist-upgrade' }, severity: 'information' }], output: null },
    { name: 'zypper dup', code: 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n', errors: [{ messageId: 'message', range: [1, 4, 1, 17], args: { command: 'zypper', action: 'dup' } }] },
  ],
});
