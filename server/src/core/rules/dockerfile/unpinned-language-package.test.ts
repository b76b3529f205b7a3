import { ruleTester } from '../../../../../test/rule-tester';
import { unpinnedLanguagePackage } from './unpinned-language-package';

ruleTester(unpinnedLanguagePackage, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir django==1.9\n',
    { name: 'version ranges, extras, requirement files', code: 'FROM python:3.12\nRUN pip install --no-cache-dir "requests[socks]>=2.31" \'flask<4\' && pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'local paths, URLs and wheels', code: 'FROM python:3.12\nRUN pip install --no-cache-dir . ./lib git+https://example.com/x.git@v1.0 dist/app-1.0-py3-none-any.whl\n' },
    { name: 'constraints pin everything', code: 'FROM python:3.12\nRUN pip install --no-cache-dir -c constraints.txt flask\n' },
    { name: 'npm with versions, scoped too', code: 'FROM node:22\nRUN npm install -g express@4.1.1 @angular/cli@17.0.0\n' },
    { name: 'npm install from package.json', code: 'FROM node:22\nRUN npm install && npm ci\n' },
    { name: 'gem with a version', code: 'FROM ruby:3.3\nRUN gem install bundler:2.5.0 && gem install rake -v 13.0\n' },
    { name: 'go install at a version', code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2 && go install ./cmd/...\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install --no-cache-dir django\n',
      errors: [{ messageId: 'message', range: [1, 31, 1, 37], args: { command: 'pip install', packages: 'django', example: '<package>==<version>' }, severity: 'warning' }],
      output: null,
    },
    { name: 'python -m pip', code: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir --upgrade pip\n', errors: [{ messageId: 'message', range: [1, 52, 1, 55], args: { command: 'python3 -m pip install', packages: 'pip', example: '<package>==<version>' } }] },
    { name: 'pip option values are not packages', code: 'FROM python:3.12\nRUN pip3 install --no-cache-dir --index-url https://pypi.example/simple flask\n', errors: [{ messageId: 'message', range: [1, 72, 1, 77] }] },
    { name: 'npm', code: 'FROM node:22\nRUN npm install -g express @angular/cli@latest\n', errors: [{ messageId: 'message', range: [1, 19, 1, 46], args: { command: 'npm install', packages: 'express, @angular/cli@latest', example: '<package>@<version>' } }] },
    { name: 'gem', code: 'FROM ruby:3.3\nRUN gem install bundler\n', errors: [{ messageId: 'message', range: [1, 16, 1, 23], args: { command: 'gem install', packages: 'bundler', example: '<package>:<version>' } }] },
    { name: 'go @latest', code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n', errors: [{ messageId: 'message', range: [1, 15, 1, 46] }] },
  ],
});
