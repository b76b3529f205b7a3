import { ruleTester } from '../../../../../test/rule-tester';
import { packageInstallPrompt } from './package-install-prompt';

ruleTester(packageInstallPrompt, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y python=2.7\n',
    { name: 'other spellings', code: 'FROM debian:12\nRUN apt-get install --yes a && apt-get -qq install b && apt-get install -qy c && apt-get --assume-yes remove d\n' },
    { name: 'update needs no -y', code: 'FROM debian:12\nRUN apt-get update\n' },
    { name: 'yum / dnf', code: 'FROM fedora:40\nRUN yum install -y httpd-2.24.4 && dnf install --assumeyes tar-1.34\n' },
    { name: 'zypper -n before the subcommand, or -y after', code: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4 && zypper install -y tar=1.34 && zypper --non-interactive in a=1\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install python=2.7\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 19], args: { command: 'apt-get', action: 'install' }, severity: 'warning' }],
      output: 'FROM debian:12\nRUN apt-get install -y python=2.7\n',
    },
    {
      name: 'yum, dnf, zypper',
      code: 'FROM fedora:40\nRUN yum install httpd-2.24.4 && dnf remove tar && zypper install a=1\n',
      errors: [
        { messageId: 'message', range: [1, 4, 1, 15], args: { command: 'yum', action: 'install' } },
        { messageId: 'message', range: [1, 32, 1, 42], args: { command: 'dnf', action: 'remove' } },
        { messageId: 'message', range: [1, 50, 1, 64], args: { command: 'zypper', action: 'install' } },
      ],
      output: 'FROM fedora:40\nRUN yum install -y httpd-2.24.4 && dnf remove -y tar && zypper install -y a=1\n',
    },
  ],
});
