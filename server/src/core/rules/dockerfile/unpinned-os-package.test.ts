import { ruleTester } from '../../../../../test/rule-tester';
import { unpinnedOsPackage } from './unpinned-os-package';

ruleTester(unpinnedOsPackage, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends python=2.7\n',
    { name: 'apk with a version', code: 'FROM alpine:3.20\nRUN apk add --no-cache musl=1.1.11-r1\n' },
    { name: 'apk --virtual names a group, not a package', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n' },
    { name: 'yum/dnf with <package>-<version>', code: 'FROM fedora:40\nRUN dnf install -y httpd-2.24.2 && dnf clean all\nRUN yum install -y tomcat-9.2 && yum clean all\n' },
    { name: 'zypper with =', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n' },
    { name: 'local .deb and .rpm files', code: 'FROM debian:12\nRUN apt-get install -y ./pkg.deb\n' },
    { name: 'packages from a variable are not judged', code: 'FROM debian:12\nRUN apt-get install -y $PACKAGES\n' },
    { name: 'apt-get options with values', code: 'FROM debian:12\nRUN apt-get install -y -o Dpkg::Options::=--force-confnew -t bookworm-backports curl=8.1\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install -y python curl\n',
      errors: [{ messageId: 'message', range: [1, 23, 1, 34], args: { command: 'apt-get install', packages: 'python, curl', example: '<package>=<version>' }, severity: 'information' }],
      output: null,
    },
    { name: 'apk add', code: 'FROM alpine:3.20\nRUN apk add --no-cache musl\n', errors: [{ messageId: 'message', range: [1, 23, 1, 27], args: { command: 'apk add', packages: 'musl', example: '<package>=<version>' } }] },
    { name: 'dnf install', code: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n', errors: [{ messageId: 'message', range: [1, 19, 1, 24], args: { command: 'dnf install', packages: 'httpd', example: '<package>-<version>' } }] },
    { name: 'yum install', code: 'FROM centos:7\nRUN yum install -y tomcat && yum clean all\n', errors: [{ messageId: 'message', range: [1, 19, 1, 25] }] },
    { name: 'microdnf install', code: 'FROM ubi9-minimal\nRUN microdnf install -y tar\n', errors: [{ messageId: 'message', range: [1, 24, 1, 27] }] },
    { name: 'zypper install', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\n', errors: [{ messageId: 'message', range: [1, 22, 1, 27] }] },
    { name: 'only the unpinned ones, through sudo', code: 'FROM debian:12\nRUN sudo apt-get install -y a=1 b\n', errors: [{ messageId: 'message', range: [1, 32, 1, 33], args: { command: 'apt-get install', packages: 'b', example: '<package>=<version>' } }] },
    { name: 'ONBUILD triggers too', code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n', errors: [{ messageId: 'message', range: [1, 31, 1, 35] }] },
  ],
});
