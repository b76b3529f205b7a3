/** Messages of the dockerfile area. Ids: `rule.<rule-id>.*` for rules, `dockerfile.*` for the rest. */
export const dockerfile: Record<string, string> = {
  'dockerfile.layers.hint': 'layer {n}',
  'dockerfile.layers.hintTooltip': 'Layer {n} of the image built by stage {stage} ({instruction}); {own} of this stage\'s layers so far.',
  'dockerfile.layers.stageOne': '1 layer in stage {stage}',
  'dockerfile.layers.stageMany': '{count} layers in stage {stage}',
  'dockerfile.layers.stageNone': 'No layers in stage {stage}',
  'dockerfile.layers.imageOne': 'Image: 1 layer',
  'dockerfile.layers.imageMany': 'Image: {total} layers ({inherited} from {parent})',
  'dockerfile.layers.imageOwn': 'Image: {total} layers',
};
