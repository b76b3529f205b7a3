import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { codeLenses, inlayHints } from '../../../server/src/core/features';
import type { FeatureContext } from '../../../server/src/core/features/types';
import { range } from '../../../server/src/core/types';

const FILE = [
  'ARG FROM=ubuntu:24.04',
  'FROM ${FROM} AS base',
  'RUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*',
  'COPY requirements.txt /tmp/',
  'FROM golang:1.23 AS tools',
  'RUN go install example.com/x@v1.0.0',
  'FROM base AS final',
  'ADD app.tgz /app',
  'WORKDIR /app',
  'RUN pip install . \\',
  '    && echo done',
  'ONBUILD RUN echo child',
  'USER 1000',
  '',
].join('\n');

function ctx(text: string, lang: 'en' | 'zh-cn' = 'en'): FeatureContext {
  return { path: '/ws/Dockerfile', text, config: mergeConfig(), analyzer: new Analyzer(createRegistry()), lang };
}

test('layer inlay hints: "layer N" at the end of each RUN/COPY/ADD first line, counting on from the parent stage', () => {
  const hints = inlayHints(ctx(FILE), range(0, 0, 100, 0));
  assert.deepEqual(
    hints.map((h) => [h.position.line, h.position.character, h.label, h.paddingLeft]),
    [
      [2, 79, 'layer 1', true],
      [3, 27, 'layer 2', true],
      [5, 35, 'layer 1', true],
      [7, 16, 'layer 3', true],
      [9, 19, 'layer 4', true],
    ],
  );
  assert.equal(hints[3].tooltip, 'Layer 3 of the image built by stage final (ADD); 1 of this stage\'s layers so far.');
  // only the requested range
  assert.deepEqual(inlayHints(ctx(FILE), range(5, 0, 7, 100)).map((h) => h.position.line), [5, 7]);
});

test('layer code lenses: stage totals on every FROM, the image total on the final stage', () => {
  const lenses = codeLenses(ctx(FILE));
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.title]),
    [
      [1, '2 layers in stage base'],
      [4, '1 layer in stage tools'],
      [6, '2 layers in stage final'],
      [6, 'Image: 4 layers (2 from base)'],
    ],
  );
  assert.deepEqual(lenses[0].range, range(1, 0, 1, 20));
  assert.equal(lenses[0].command, 'dockyard.server.showRuleDocs');
  assert.deepEqual(lenses[0].args, ['layer-count']);
  const single = codeLenses(ctx('FROM alpine:3.20\nRUN true\n'));
  assert.deepEqual(single.map((l) => l.title), ['1 layer in stage #1', 'Image: 1 layer']);
  const none = codeLenses(ctx('FROM alpine:3.20\nCMD ["sh"]\n'));
  assert.deepEqual(none.map((l) => l.title), ['No layers in stage #1', 'Image: 0 layers']);
});

test('layer features ignore non-Dockerfiles', () => {
  const c = { ...ctx('RUN x\n'), path: '/ws/values.yaml' };
  assert.deepEqual(codeLenses(c), []);
});
