/** package.json 贡献点的简体中文文本（写入 package.nls.zh-cn.json）。 */
export const manifest: Record<string, string> = {
  'manifest.displayName': 'Dockyard — Kubernetes、Dockerfile 与 loci 检查',
  'manifest.description': '离线校验 Kubernetes schema，检查 Pod 安全并提供快速修复，显示 Dockerfile 镜像层提示，诊断 OpenStack loci profile，边写边查。',
  'manifest.category': 'Dockyard',
  'manifest.configuration.title': 'Dockyard',
  'manifest.command.lintWorkspace': '检查工作区',
  'manifest.command.restartServer': '重启服务器',
  'manifest.command.showRuleDocs': '显示规则文档',
  'manifest.command.showOutput': '显示输出',
  'manifest.command.scaffoldImage': '生成 loci 镜像构建…',
  'manifest.command.scaffoldManifests': '生成 Kubernetes 清单…',
  'manifest.untrustedWorkspaces': 'Dockyard 只读取文件：它不运行工作区中的代码、任务或程序，因此在受限模式下也一样工作。',
  'manifest.virtualWorkspaces': '“检查工作区”和查找 .dockyard.yaml 需要磁盘上的文件；已打开的文档在任何地方都会被分析。',
};
