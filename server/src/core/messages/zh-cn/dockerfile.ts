/** Dockerfile 镜像层提示的简体中文文本。 */
export const dockerfile: Record<string, string> = {
  'dockerfile.layers.hint': '第 {n} 层',
  'dockerfile.layers.hintTooltip': '阶段 {stage} 构建的镜像的第 {n} 个镜像层（{instruction}）；本阶段到此为止的第 {own} 层。',
  'dockerfile.layers.stageOne': '阶段 {stage} 有 1 个镜像层',
  'dockerfile.layers.stageMany': '阶段 {stage} 有 {count} 个镜像层',
  'dockerfile.layers.stageNone': '阶段 {stage} 没有镜像层',
  'dockerfile.layers.imageOne': '镜像：1 个镜像层',
  'dockerfile.layers.imageMany': '镜像：{total} 个镜像层（{inherited} 个来自 {parent}）',
  'dockerfile.layers.imageOwn': '镜像：{total} 个镜像层',
};
