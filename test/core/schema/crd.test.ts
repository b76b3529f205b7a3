import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSchemaStore } from '../../../server/src/core/schema';
import { SCHEMA_DIR } from './helpers';

/** spec.versions[0].schema.openAPIV3Schema of a typical CRD. */
const widgetSchema = {
  type: 'object',
  description: 'Widget is a test resource.',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object', properties: { name: { type: 'string', maxLength: 63 } } },
    spec: {
      type: 'object',
      required: ['size'],
      properties: {
        size: { type: 'integer', description: 'Number of widgets.' },
        mode: { type: 'string', enum: ['fast', 'slow'] },
        port: { 'x-kubernetes-int-or-string': true },
        ratio: { type: 'number' },
        tags: { type: 'array', items: { type: 'string' } },
        settings: { type: 'object', additionalProperties: { type: 'string' } },
        config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { level: { type: 'integer' } } },
        template: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          'x-kubernetes-preserve-unknown-fields': true,
        },
        strictEmbedded: {
          type: 'object',
          'x-kubernetes-embedded-resource': true,
          properties: { spec: { type: 'object', properties: { replicas: { type: 'integer' } } } },
        },
        anything: { 'x-kubernetes-preserve-unknown-fields': true },
      },
    },
    status: { type: 'object', properties: { ready: { type: 'boolean' } } },
  },
};

function widget(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'w' }) {
  return { apiVersion: 'example.com/v1', kind: 'Widget', metadata, spec };
}

describe('custom (CRD) schemas', () => {
  const store = createSchemaStore(SCHEMA_DIR);
  store.addCustomSchema('example.com/v1', 'Widget', widgetSchema);

  it('makes the kind known in every version and lists it', () => {
    assert.equal(store.knows('1.35', 'example.com/v1', 'Widget'), 'known');
    assert.equal(store.knows('1.36', 'example.com/v1', 'Widget'), 'known');
    assert.equal(store.knows('1.35', 'example.com/v2', 'Widget'), 'unknown-group');
    assert.ok(store.kinds('1.35').some((k) => k.apiVersion === 'example.com/v1' && k.kind === 'Widget'));
  });

  it('accepts a valid custom resource', () => {
    const doc = widget({
      size: 3,
      mode: 'fast',
      port: 'http',
      ratio: 2,
      tags: ['a'],
      settings: { any: 'thing' },
      config: { level: 2, extra: { deep: true } },
      template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } }, spec: { whatever: 1 } },
      strictEmbedded: { apiVersion: 'v1', kind: 'Thing', metadata: { namespace: 'n' }, spec: { replicas: 2 } },
      anything: [1, { a: 2 }],
    });
    assert.deepEqual(store.validate('1.35', 'example.com/v1', 'Widget', doc), []);
  });

  it('treats fields outside the structural schema as unknown', () => {
    const doc = widget({ size: 1, sise: 2 });
    assert.deepEqual(store.validate('1.35', 'example.com/v1', 'Widget', doc), [
      { code: 'unknown-field', path: ['spec', 'sise'], key: 'sise', suggestion: 'size' },
    ]);
  });

  it('checks required, types, int-or-string and enums strictly ("" is not allowed)', () => {
    const doc = widget({ mode: '', port: 1.5, ratio: 'x', tags: [1] });
    assert.deepEqual(store.validate('1.35', 'example.com/v1', 'Widget', doc), [
      { code: 'required', path: ['spec'], key: 'size' },
      { code: 'enum', path: ['spec', 'mode'], expected: ['fast', 'slow'], actual: '' },
      { code: 'type', path: ['spec', 'port'], expected: ['integer', 'string'], actual: 'number' },
      { code: 'type', path: ['spec', 'ratio'], expected: ['number'], actual: 'string' },
      { code: 'type', path: ['spec', 'tags', 0], expected: ['string'], actual: 'integer' },
    ]);
  });

  it('keeps known fields typed inside preserve-unknown-fields objects', () => {
    const doc = widget({ size: 1, config: { level: 'high', other: 1 } });
    assert.deepEqual(store.validate('1.35', 'example.com/v1', 'Widget', doc), [
      { code: 'type', path: ['spec', 'config', 'level'], expected: ['integer'], actual: 'string' },
    ]);
  });

  it('validates root metadata as a full ObjectMeta even when the CRD narrows it', () => {
    const doc = widget({ size: 1 }, { name: 'w', labels: { app: 'x' }, annotations: { n: 1 }, lables: {} });
    assert.deepEqual(store.validate('1.35', 'example.com/v1', 'Widget', doc), [
      { code: 'type', path: ['metadata', 'annotations', 'n'], expected: ['string'], actual: 'integer' },
      { code: 'unknown-field', path: ['metadata', 'lables'], key: 'lables', suggestion: 'labels' },
    ]);
  });

  it('embedded resources require apiVersion and kind and validate their metadata', () => {
    const doc = widget({
      size: 1,
      template: { metadata: { name: 5 }, spec: {} },
      strictEmbedded: { apiVersion: 'v1', kind: 'X', spec: { replicas: 1 }, extra: 1 },
    });
    assert.deepEqual(store.validate('1.35', 'example.com/v1', 'Widget', doc), [
      { code: 'required', path: ['spec', 'template'], key: 'apiVersion' },
      { code: 'required', path: ['spec', 'template'], key: 'kind' },
      { code: 'type', path: ['spec', 'template', 'metadata', 'name'], expected: ['string'], actual: 'integer' },
      { code: 'unknown-field', path: ['spec', 'strictEmbedded', 'extra'], key: 'extra' },
    ]);
  });

  it('describes and completes custom fields', () => {
    assert.deepEqual(store.describe('1.35', 'example.com/v1', 'Widget', ['spec', 'size']), {
      type: 'integer',
      typeLabel: 'integer',
      required: true,
      description: 'Number of widgets.',
    });
    assert.deepEqual(store.describe('1.35', 'example.com/v1', 'Widget', ['spec', 'mode'])?.enum, ['fast', 'slow']);
    assert.deepEqual(
      store.children('1.35', 'example.com/v1', 'Widget', ['spec', 'strictEmbedded']).map((c) => [c.name, c.typeLabel, c.required]),
      [
        ['apiVersion', 'string', true],
        ['kind', 'string', true],
        ['metadata', 'ObjectMeta', false],
        ['spec', 'Object', false],
      ],
    );
    assert.deepEqual(
      store.children('1.35', 'example.com/v1', 'Widget', []).map((c) => c.name),
      ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
    );
  });

  it('replaces and removes custom schemas', () => {
    const local = createSchemaStore(SCHEMA_DIR);
    local.addCustomSchema('example.com/v1', 'Gadget', { type: 'object', properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } });
    const doc = { apiVersion: 'example.com/v1', kind: 'Gadget', spec: { a: 1 } };
    assert.equal(local.validate('1.35', 'example.com/v1', 'Gadget', doc).length, 1);
    local.addCustomSchema('example.com/v1', 'Gadget', { type: 'object', properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } });
    assert.deepEqual(local.validate('1.35', 'example.com/v1', 'Gadget', doc), []);
    assert.equal(local.removeCustomSchema('example.com/v1', 'Gadget'), true);
    assert.equal(local.removeCustomSchema('example.com/v1', 'Gadget'), false);
    assert.equal(local.knows('1.35', 'example.com/v1', 'Gadget'), 'unknown-group');
    assert.deepEqual(local.validate('1.35', 'example.com/v1', 'Gadget', doc), []);
  });

  it('a built-in kind wins over a custom schema with the same apiVersion and kind', () => {
    const local = createSchemaStore(SCHEMA_DIR);
    local.addCustomSchema('v1', 'ConfigMap', { type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
    assert.deepEqual(local.validate('1.35', 'v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', bogus: 1 }), [
      { code: 'unknown-field', path: ['bogus'], key: 'bogus' },
    ]);
  });

  it('tolerates malformed CRD schemas', () => {
    const local = createSchemaStore(SCHEMA_DIR);
    local.addCustomSchema('example.com/v1', 'Broken', 'not a schema');
    assert.equal(local.knows('1.35', 'example.com/v1', 'Broken'), 'known');
    assert.deepEqual(local.validate('1.35', 'example.com/v1', 'Broken', { apiVersion: 'example.com/v1', kind: 'Broken', spec: {} }), []);
  });
});
