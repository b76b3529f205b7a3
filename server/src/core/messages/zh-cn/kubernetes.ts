/** Kubernetes 规则与悬停/补全的简体中文文本（ids 与英文相同）。 */
export const kubernetes: Record<string, string> = {
  // unknown-kind
  'rule.unknown-kind.summary': '所选 Kubernetes 版本不提供的 apiVersion/kind 组合。自定义资源（Kubernetes 之外的 API 组）会被跳过，除非 `kubernetes.crdSchemas` 为其指定了 schema。',
  'rule.unknown-kind.risk': 'kubectl apply 失败并报 "no matches for kind"；在多文档文件中，其他对象可能会在缺少这个对象的情况下被应用。',
  'rule.unknown-kind.fix': '更正 kind 或 apiVersion（快速修复会给出最接近的匹配），选择另一个 Kubernetes 版本（`kubernetes.version`），或为自定义资源配置 CRD schema。',
  'rule.unknown-kind.message': 'Kubernetes {version} 的 {apiVersion} 中没有 kind“{kind}”。',
  'rule.unknown-kind.suggest': 'Kubernetes {version} 的 {apiVersion} 中没有 kind“{kind}”；是否想用“{suggestion}”？',
  'rule.unknown-kind.apiVersion': 'Kubernetes {version} 不提供 {apiVersion}（kind“{kind}”）。',
  'rule.unknown-kind.otherApiVersion': 'Kubernetes {version} 以 {expected} 提供“{kind}”，而不是 {apiVersion}。',
  'rule.unknown-kind.fixApiVersion': '将 apiVersion 改为 {apiVersion}',
  'rule.unknown-kind.fixKind': '将 kind 改为 {kind}',
  'rule.unknown-kind.suggestOther': 'Kubernetes {version} 的 {apiVersion} 中没有 kind“{kind}”；是否想用“{suggestion}”（{expected}）？',
  'rule.unknown-kind.fixBoth': '改为 {apiVersion} {kind}',
  'rule.unknown-kind.crdUnreadable': '为 {kind} 配置的 schema 文件“{file}”（kubernetes.crdSchemas）无法读取。',
  'rule.unknown-kind.crdNoVersion': '“{file}”中的 CustomResourceDefinition 没有为 {kind} 定义 {apiVersion}（已定义版本：{versions}）。',
  'rule.unknown-kind.crdNoKind': '“{file}”（kubernetes.crdSchemas）中既没有 {apiVersion} 下 {kind} 的 CustomResourceDefinition，也不是 JSON schema。',

  // schema-required
  'rule.schema-required.summary': '缺少 Kubernetes schema 要求的必填字段。',
  'rule.schema-required.risk': 'API server 会拒绝该对象。',
  'rule.schema-required.fix': '补上该字段。将鼠标悬停在键上可查看其文档；补全会优先列出必填字段。',
  'rule.schema-required.message': '{path} 中缺少必填字段“{key}”。',
  'rule.schema-required.root': '{kind} 需要字段“{key}”。',

  // schema-type
  'rule.schema-type.summary': '值的类型错误：期望整数却是字符串、期望对象却是列表、IntOrString 或 Quantity 两者都不是。待填写的 `<…>` 占位符不检查。',
  'rule.schema-type.risk': 'API server 会拒绝该对象，或者 YAML 类型的意外（`"8080"` 与 `8080`、`on`/`yes`）改变了实际应用的内容。',
  'rule.schema-type.fix': '按字段要求的类型书写值；看起来像数字或布尔值的字符串要加引号。',
  'rule.schema-type.message': '{path} 必须是 {expected}，而不是 {actual}。',
  'rule.schema-type.readAsBoolean': '{path} 必须是字符串，但 kubectl 把未加引号的 {source} 读作布尔值 {value}（YAML 1.1），API server 会拒绝；请加上引号。',
  'rule.schema-type.readAsNumber': '{path} 必须是字符串，但 kubectl 把未加引号的 {source} 读作数字 {value}，API server 会拒绝；请加上引号。',
  'rule.schema-type.quoteFix': '加上引号：{quoted}',

  // schema-enum
  'rule.schema-enum.summary': '值不在字段允许的集合内（`imagePullPolicy: Sometimes`、`restartPolicy: Allways`）。1.35 的 OpenAPI 数据没有 `enum`，因此集合来自字段描述和一张经过审阅的表。',
  'rule.schema-enum.risk': 'API server 会拒绝该对象。',
  'rule.schema-enum.fix': '使用允许值之一（区分大小写）；快速修复会选择最接近的值。',
  'rule.schema-enum.message': '{path} 的值为“{actual}”；允许：{allowed}。',
  'rule.schema-enum.suggest': '{path} 的值为“{actual}”；允许：{allowed}。是否想用“{suggestion}”？',
  'rule.schema-enum.fixTitle': '改为“{value}”',

  // schema-unknown-field
  'rule.schema-unknown-field.summary': 'Kubernetes schema 未定义的字段：拼写错误（`contaienrs`）或放错了层级（`imagePullPolicy` 放在 Pod spec 下）。',
  'rule.schema-unknown-field.risk': 'kubectl 会丢弃未知字段并给出警告（使用 --validate=strict 时会拒绝）：该设置悄无声息地失效。',
  'rule.schema-unknown-field.fix': '重命名该字段（快速修复会应用建议），或把它移到所属的层级。',
  'rule.schema-unknown-field.message': '{path} 中有未知字段“{key}”。',
  'rule.schema-unknown-field.suggest': '{path} 中有未知字段“{key}”；是否想用“{suggestion}”？',
  'rule.schema-unknown-field.fixTitle': '重命名为“{suggestion}”',

  // deprecated-api
  'rule.deprecated-api.summary': '已弃用的 apiVersion：在所选 Kubernetes 版本中仍可用，但之后的版本将不再提供。会给出替代版本；只需改 apiVersion 时，修复会直接改写 apiVersion。',
  'rule.deprecated-api.risk': '集群升级后清单将无法应用。',
  'rule.deprecated-api.fix': '迁移到替代的 apiVersion，如有列出的字段变更一并应用。',
  'rule.deprecated-api.removal.mechanical': '{apiVersion} {kind} 已弃用，自 Kubernetes {removedIn} 起不再提供；请使用 {replacement}（只需修改 apiVersion）。',
  'rule.deprecated-api.removal.changes': '{apiVersion} {kind} 已弃用，自 Kubernetes {removedIn} 起不再提供；请使用 {replacement}。变更：{notes}',
  'rule.deprecated-api.removal.none': '{apiVersion} {kind} 已弃用，自 Kubernetes {removedIn} 起不再提供，且没有替代版本。{notes}',
  'rule.deprecated-api.served.mechanical': '{apiVersion} {kind} 已弃用；请使用 {replacement}（只需修改 apiVersion）。',
  'rule.deprecated-api.served.changes': '{apiVersion} {kind} 已弃用；请使用 {replacement}。变更：{notes}',
  'rule.deprecated-api.served.none': '{apiVersion} {kind} 已弃用，且没有替代版本。{notes}',
  'rule.deprecated-api.fixTitle': '将 apiVersion 改为 {replacement}',

  // removed-api
  'rule.removed-api.summary': '所选 Kubernetes 版本已不再提供的 apiVersion（例如 extensions/v1beta1 Deployment，于 1.16 移除）。只需改 apiVersion 时修复会直接改写；否则消息中会列出字段变更。',
  'rule.removed-api.risk': '在所选版本上 kubectl apply 失败并报 "no matches for kind"。',
  'rule.removed-api.fix': '迁移到替代的 apiVersion 并应用列出的字段变更，或选择实际部署的 Kubernetes 版本（`kubernetes.version`）。',
  'rule.removed-api.mechanical': '{apiVersion} {kind} 自 Kubernetes {removedIn} 起不再提供（所选版本：{version}）；请使用 {replacement}（只需修改 apiVersion）。',
  'rule.removed-api.changes': '{apiVersion} {kind} 自 Kubernetes {removedIn} 起不再提供（所选版本：{version}）；请使用 {replacement}。变更：{notes}',
  'rule.removed-api.none': '{apiVersion} {kind} 自 Kubernetes {removedIn} 起不再提供（所选版本：{version}），且没有替代版本。{notes}',
  'rule.removed-api.fixTitle': '将 apiVersion 改为 {replacement}',

  // selector-mismatch
  'rule.selector-mismatch.summary': 'Deployment、StatefulSet、DaemonSet、ReplicaSet、Job、ReplicationController 或 OpenShift DeploymentConfig 的 selector 选不中自己的 Pod 模板（错误），或 Service 的 selector 在 Dockyard 已索引的文件中匹配不到任何 Pod 模板（警告）。Operator 依据自定义资源（带 Pod 模板，或 prometheus-operator 的 `spec.podMetadata`）创建的 Pod 还可能带有 Operator 自己的标签：除非其中写明的标签与 selector 冲突，否则视为匹配。',
  'rule.selector-mismatch.risk': 'API server 会拒绝 selector 与模板不匹配的工作负载；什么都选不中的 Service 没有端点，流量无处可去。',
  'rule.selector-mismatch.fix': '让 selector 与 Pod 模板的标签一致（工作负载的 selector 不可变：请修改模板标签，或重建对象）。对于 Service，请检查它应到达的 Pod 的标签。',
  'rule.selector-mismatch.template': '{kind} 的 selector 要求 {requirement}，但 Pod 模板的标签是 {labels}。',
  'rule.selector-mismatch.empty': '{kind} 需要一个非空且与其 Pod 模板标签匹配的 selector。',
  'rule.selector-mismatch.service': 'Service 的 selector {selector} 在工作区中匹配不到任何 Pod 模板。',
  'rule.selector-mismatch.closest': '最接近的：{kind}“{name}”，Pod 标签为 {labels}。',

  // missing-reference
  'rule.missing-reference.summary': 'Pod 引用的 ConfigMap、Secret、PersistentVolumeClaim 或 ServiceAccount 在 Dockyard 已索引的文件中均未定义（提示级别：它可能以其他方式在集群中创建）。',
  'rule.missing-reference.risk': '在该对象存在之前，Pod 会一直处于 ContainerCreating / CreateContainerConfigError 状态。',
  'rule.missing-reference.fix': '把该对象加入清单、更正名称，或在 Pod 没有它也能启动时将引用标记为 `optional: true`。运行“检查工作区”命令以便索引所有文件。',
  'rule.missing-reference.message': '{kind}“{name}”（{via}）未在工作区中定义。',

  // duplicate-resource
  'rule.duplicate-resource.summary': '两个文档定义了同一个对象（API 组、kind、命名空间和名称都相同），位于同一文件或同一文件夹的文件中；应用时后者会覆盖前者。',
  'rule.duplicate-resource.risk': '两个定义中只有一个会悄无声息地进入集群。',
  'rule.duplicate-resource.fix': '删除其中一个定义，或给其中一个换个名称或命名空间。',
  'rule.duplicate-resource.message': '{kind}“{name}”被定义了 {count} 次。',
  'rule.duplicate-resource.other': '{kind}“{name}”的另一个定义。',

  // hover and completion
  'kubernetes.hover.field': '**{name}** `{type}`',
  'kubernetes.hover.fieldUntyped': '**{name}**',
  'kubernetes.hover.required': '必填',
  'kubernetes.hover.path': '{kind}（{apiVersion}）中的 {path}',
  'kubernetes.hover.enum': '允许的值：{values}',
  'kubernetes.hover.kind': '**{kind}** — {apiVersion}，Kubernetes {version}',
  'kubernetes.completion.detailRequired': '{type}（必填）',
};
