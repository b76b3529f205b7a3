import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from '../../client/src/status';

test('the status bar counts what the Problems panel lists (errors, warnings, infos) and its tooltip names each', () => {
  // 19 errors and warnings and 3 infos: the Problems panel shows 22, so does the status bar.
  const s = statusText({ errors: 4, warnings: 15, information: 3, hints: 2 }, 'en');
  assert.equal(s.count, 22);
  assert.equal(s.tooltip, 'Dockyard: 4 errors, 15 warnings, 3 infos in the Problems panel (the count), 2 hints shown only in the editor. Click to show the output.');
  assert.equal(statusText({ errors: 0, warnings: 0, information: 1, hints: 0 }, 'en').count, 1);
});

test('the status bar tooltip follows the editor language (zh-cn)', () => {
  const s = statusText({ errors: 4, warnings: 15, information: 3, hints: 2 }, 'zh-cn');
  assert.equal(s.count, 22);
  assert.equal(s.tooltip, 'Dockyard：问题面板中有 4 个错误、15 个警告、3 条信息（计入数量），另有 2 条提示只在编辑器中显示。单击显示输出。');
});
