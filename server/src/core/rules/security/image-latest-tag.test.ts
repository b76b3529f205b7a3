import { test } from 'node:test';
import { only, r } from '../../../../../test/helpers';
import { GOOD, sec } from '../../../../../test/core/security/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { imageLatestTag } from './image-latest-tag';

test('image-latest-tag: no tag or latest, digest pins', () => {
  const mk = (image: string) => GOOD.replace('nginx:1.27', image);
  assert.deepEqual(only(sec(mk('nginx')), 'image-latest-tag').map(r), [[12, 6, 12, 18]]);
  assert.equal(only(sec(mk('registry:5000/ns/app:latest')), 'image-latest-tag')[0].message.id, 'rule.image-latest-tag.messageLatest');
  assert.equal(only(sec(mk('registry:5000/ns/app')), 'image-latest-tag')[0].message.id, 'rule.image-latest-tag.messageNoTag');
  assert.deepEqual(only(sec(mk('nginx@sha256:0123456789abcdef')), 'image-latest-tag'), []);
  assert.deepEqual(only(sec(mk('nginx:latest@sha256:0123456789abcdef')), 'image-latest-tag'), []);
  assert.deepEqual(only(sec(mk('registry:5000/ns/app:2024.1')), 'image-latest-tag'), []);
});

test('image-latest-tag: a placeholder to fill in is no image reference', () => {
  const mk = (image: string) => GOOD.replace('nginx:1.27', image);
  for (const p of ['<YOUR-CONTAINER>', '"<image_url>"', 'my registry/app', '${IMAGE}']) assert.deepEqual(only(sec(mk(p)), 'image-latest-tag'), [], p);
  // an image with an upper-case name or an underscore is still an image (the registry decides)
  assert.deepEqual(only(sec(mk('Registry.example.com/My_App')), 'image-latest-tag').map(r), [[12, 6, 12, 40]]);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(imageLatestTag, {
  valid: [
    GOOD,
    GOOD.replace('      image: nginx:1.27\n', '      image: nginx@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'),
  ],
  invalid: [
    {
      code: GOOD.replace('      image: nginx:1.27\n', '      image: nginx\n'),
      errors: [{ messageId: "messageNoTag", range: [12, 6, 12, 18], args: {"container": "app", "image": "nginx"} }],
    },
    {
      code: GOOD.replace('      image: nginx:1.27\n', '      image: nginx:latest\n'),
      errors: [{ messageId: "messageLatest", range: [12, 6, 12, 25] }],
    },
  ],
});
