import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostContextOf } from '../../client/src/coexistence';

test('Docker DX (docker.docker) installed: BuildKit checks and Dockerfile syntax are shown elsewhere', () => {
  assert.deepEqual(hostContextOf((id) => id === 'docker.docker'), { yamlSyntaxElsewhere: false, dockerfileSyntaxElsewhere: true, buildkitChecksElsewhere: true });
});

test('Container Tools alone: Dockerfile syntax elsewhere, BuildKit checks not (it does not run them)', () => {
  assert.deepEqual(hostContextOf((id) => id === 'ms-azuretools.vscode-containers'), { yamlSyntaxElsewhere: false, dockerfileSyntaxElsewhere: true, buildkitChecksElsewhere: false });
  assert.deepEqual(hostContextOf((id) => id === 'redhat.vscode-yaml'), { yamlSyntaxElsewhere: true, dockerfileSyntaxElsewhere: false, buildkitChecksElsewhere: false });
  assert.deepEqual(hostContextOf(() => false), { yamlSyntaxElsewhere: false, dockerfileSyntaxElsewhere: false, buildkitChecksElsewhere: false });
});
