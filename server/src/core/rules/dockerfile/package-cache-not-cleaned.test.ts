import { ruleTester } from '../../../../../test/rule-tester';
import { packageCacheNotCleaned } from './package-cache-not-cleaned';

ruleTester(packageCacheNotCleaned, {
  valid: [
    'FROM centos:7\nRUN yum install -y nginx-1.20 && yum clean all\n',
    { name: 'dnf and zypper clean', code: 'FROM fedora:40\nRUN dnf install -y tar-1.34 && dnf clean all\nRUN zypper -n in a=1 && zypper clean\n' },
    { name: 'yarn build installs nothing', code: 'FROM node:22\nRUN yarn build\n' },
    { name: 'yarn cache clean', code: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
    { name: 'cache removed', code: 'FROM fedora:40\nRUN dnf install -y tar-1.34 && rm -rf /var/cache/dnf\n' },
    { name: 'cache mount', code: 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y tar-1.34\n' },
    { name: 'a build stage', code: 'FROM fedora:40 AS build\nRUN dnf install -y gcc-14\nFROM scratch\nCOPY --from=build /out /\n' },
  ],
  invalid: [
    { name: 'bare yarn installs', code: 'FROM node:22\nRUN yarn\n', errors: [{ messageId: 'message', range: [1, 4, 1, 8], args: { command: 'yarn', action: 'install', clean: 'yarn cache clean' } }], output: 'FROM node:22\nRUN yarn && yarn cache clean\n' },
    {
      name: 'yarn (hadolint DL3060)',
      code: 'FROM node:22\nRUN yarn install --frozen-lockfile\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 16], args: { command: 'yarn', action: 'install', clean: 'yarn cache clean' } }],
      output: 'FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    {
      code: 'FROM centos:7\nRUN yum install -y nginx-1.20\n',
      errors: [{ messageId: 'message', range: [1, 4, 1, 15], args: { command: 'yum', action: 'install', clean: 'yum clean all' }, severity: 'information' }],
      output: 'FROM centos:7\nRUN yum install -y nginx-1.20 && yum clean all\n',
    },
    {
      name: 'continuation style kept',
      code: 'FROM opensuse/leap:15.6\nRUN zypper refresh \\\n && zypper -n install a=1\n',
      errors: [{ messageId: 'message', args: { command: 'zypper', action: 'install', clean: 'zypper clean --all' } }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper refresh \\\n && zypper -n install a=1 \\\n && zypper clean --all\n',
    },
  ],
});
