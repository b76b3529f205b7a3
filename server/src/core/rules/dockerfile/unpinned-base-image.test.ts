import { ruleTester } from '../../../../../test/rule-tester';
import { unpinnedBaseImage } from './unpinned-base-image';
import { test } from 'node:test';
import { lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';

ruleTester(unpinnedBaseImage, {
  valid: [
    'FROM ubuntu:24.04\n',
    'FROM ubuntu@sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d\n',
    'FROM scratch\n',
    { name: 'an earlier stage is not an image', code: 'FROM golang:1.23 AS build\nFROM build\n' },
    { name: 'chosen at build time (ARG without default)', code: 'ARG BASE\nFROM ${BASE}\n' },
  ],
  invalid: [
    { code: 'FROM ubuntu\n', errors: [{ messageId: 'noTag', range: [0, 5, 0, 11], args: { image: 'ubuntu' }, severity: 'warning' }], output: null },
    { code: 'FROM ubuntu:latest AS base\n', errors: [{ messageId: 'latest', range: [0, 5, 0, 18], args: { image: 'ubuntu:latest' } }] },
    {
      name: 'resolved through a global ARG default, with the ARG as related information',
      code: 'ARG FROM=registry.example.com/loci/base\nFROM ${FROM}\n',
      errors: [{ messageId: 'noTagResolved', range: [1, 5, 1, 12], args: { image: 'registry.example.com/loci/base' } }],
    },
    {
      name: 'a stage named after an image only counts for later stages',
      code: 'FROM node AS node\nFROM node\n',
      errors: [{ messageId: 'noTag', range: [0, 5, 0, 9] }],
    },
  ],
});

test('unpinned-base-image: no tag or :latest; ARG defaults resolved; stages, scratch, digests and build-time images skipped', () => {
  const text = [
    'ARG BASE=ubuntu',
    'ARG TAGGED=ubuntu:24.04',
    'ARG CHOSEN',
    'FROM ${BASE} AS a',
    'FROM python:latest AS b',
    'FROM registry.local:5000/team/app AS c',
    'FROM ${TAGGED} AS d',
    'FROM ${CHOSEN} AS e',
    'FROM a AS f',
    'FROM scratch',
    'FROM alpine@sha256:beefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdead',
    'FROM registry.local:5000/team/app:1.2',
    'FROM --platform=$BUILDPLATFORM golang AS g',
  ].join('\n');
  const f = only(lintD(text), 'unpinned-base-image');
  assert.deepEqual(f.map((x) => [x.message.id, r(x), x.message.args]), [
    ['rule.unpinned-base-image.noTagResolved', [3, 5, 3, 12], { image: 'ubuntu' }],
    ['rule.unpinned-base-image.latest', [4, 5, 4, 18], { image: 'python:latest' }],
    ['rule.unpinned-base-image.noTag', [5, 5, 5, 33], { image: 'registry.local:5000/team/app' }],
    ['rule.unpinned-base-image.noTag', [12, 31, 12, 37], { image: 'golang' }],
  ]);
  assert.deepEqual(f[0].related!.map((x) => x.range.start.line), [0]);
});
