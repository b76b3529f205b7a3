import { ruleTester } from '../../../../../test/rule-tester';
import { unpinnedBaseImage } from './unpinned-base-image';

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
