/** kustomize 规则的简体中文文本（ids 与英文相同：`rule.<rule-id>.*`）。字段名、kind、文件名、命令保持原样。 */
export const rulesKustomize: Record<string, string> = {
  'rule.kustomize-missing-resource.summary': 'kustomization 引用的 resource、component、patch 或 generator 文件不存在（或者是一个没有 kustomization 的文件夹）。',
  'rule.kustomize-missing-resource.risk': '`kustomize build` / `kubectl apply -k` 会失败，或者某个 base 悄无声息地从读者以为的结构中消失。',
  'rule.kustomize-missing-resource.fix': '更正路径（相对于该 kustomization），补上缺失的文件，或者为该文件夹添加 kustomization.yaml。',
  'rule.kustomize-missing-resource.missing': '{field} 条目“{entry}”不存在。',
  'rule.kustomize-missing-resource.noKustomization': '{field} 条目“{entry}”是一个没有 kustomization.yaml 的文件夹。',
  'rule.kustomize-missing-resource.notAFile': '{field} 条目“{entry}”是文件夹，不是文件。',
  'rule.kustomize-missing-resource.outside': '{field} 条目“{entry}”位于代码仓库之外；Dockyard 不读取它。',
  'rule.kustomize-patch-target.summary': 'kustomize patch 的 target（或 strategic-merge patch 的 kind/name）与其 base 中的任何对象都不匹配。',
  'rule.kustomize-patch-target.risk': '`kustomize build` 失败并报 "no matches for Id"，或者 overlay 本想做的修改根本没有生效。',
  'rule.kustomize-patch-target.fix': '使用 base 中该对象的 kind 和 name（即此 overlay 的 namePrefix/nameSuffix 生效之前的名称），或者删除该 patch。',
  'rule.kustomize-patch-target.noMatch': '该 patch 的目标是 {kind}“{name}”，但此 kustomization 的资源中没有定义它。',
  'rule.kustomize-patch-target.noMatchKind': '该 patch 的目标是 kind {kind}，但此 kustomization 的资源中没有定义该 kind。',
};
