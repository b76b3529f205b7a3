import { isEarlierStage, expandVariables, globalArgDefaults, globalArgInstruction, parseImageRef, variableNames } from '../../model/dockerfile-stages';
import type { RelatedInformation } from '../../types';
import { defineRule } from '../define';

/**
 * `FROM ubuntu` / `FROM ubuntu:latest`: the base changes under you, builds stop being reproducible
 * and a rebuild can pull a different distribution release. Pin a tag (better: a digest).
 * Not reported: `scratch`, earlier stages of the same file, images chosen at build time (an ARG
 * without default). `FROM ${FROM}` is resolved with the global ARG defaults.
 */
export const unpinnedBaseImage = defineRule({
  id: 'unpinned-base-image',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL3006', 'hadolint:DL3007'],
  references: [{ title: 'Dockerfile best practices: pin base image versions', url: 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions' }],
  docs: {
    summary: 'FROM without a tag or digest, or with :latest.',
    risk: 'The base image changes under you: builds stop being reproducible and a rebuild can switch distribution release.',
    fix: 'Pin a tag (ubuntu:24.04), better a digest (ubuntu:24.04@sha256:…). FROM ${ARG} is checked with the ARG\'s default.',
  },
  messages: {
    noTag: 'FROM {image} has no tag or digest (it means :latest).',
    latest: 'FROM {image} uses the :latest tag.',
    noTagResolved: 'FROM resolves to {image} (ARG default), which has no tag or digest.',
    latestResolved: 'FROM resolves to {image} (ARG default), which uses the :latest tag.',
    related: 'ARG {name} gives the default.',
  },
  check(ctx, m) {
    const { model } = ctx;
    const args = globalArgDefaults(model);
    for (const stage of model.stages) {
      const from = stage.from;
      const raw = from.getImage();
      const range = from.getImageRange();
      if (!raw || !range) continue;
      const image = expandVariables(raw, args);
      if (image === undefined || !image || image.includes('$')) continue;
      if (image.toLowerCase() === 'scratch' || isEarlierStage(model, image, stage.index)) continue;
      const ref = parseImageRef(image);
      if (ref.digest) continue;
      if (ref.tag !== undefined && ref.tag !== 'latest') continue;
      const related: RelatedInformation[] = [];
      for (const v of variableNames(raw)) {
        const decl = globalArgInstruction(model, v);
        if (decl) related.push({ range: model.range(decl.getRange()), message: m('related', { name: v }) });
      }
      const resolved = raw !== image;
      ctx.report({
        range: model.range(range),
        message: ref.tag === 'latest'
          ? m(resolved ? 'latestResolved' : 'latest', { image })
          : m(resolved ? 'noTagResolved' : 'noTag', { image }),
        related: related.length ? related : undefined,
      });
    }
  },
});
