import type { Position, Range } from '../types';
import type { CodeLensResult, CompletionResult, FeatureContext, FeatureProvider, HoverResult, InlayHintResult } from './types';
import { detectKind } from '../model/detect';
import { dockerfileLayersProvider } from './dockerfile-layers';
import { kubernetesFeatures } from './kubernetes';
import { lociFeatures } from './loci';

/** Feature providers by area; each area appends its own provider to this list. */
export const PROVIDERS: FeatureProvider[] = [kubernetesFeatures, dockerfileLayersProvider, lociFeatures];

function providersFor(ctx: FeatureContext): FeatureProvider[] {
  const kind = detectKind(ctx.path, ctx.text, ctx.languageId);
  return PROVIDERS.filter((p) => (p.kinds as string[]).includes(kind));
}

export function hover(ctx: FeatureContext, position: Position): HoverResult | undefined {
  for (const p of providersFor(ctx)) {
    const h = p.hover?.(ctx, position);
    if (h) return h;
  }
  return undefined;
}

export function completion(ctx: FeatureContext, position: Position): CompletionResult[] {
  return providersFor(ctx).flatMap((p) => p.completion?.(ctx, position) ?? []);
}

export function inlayHints(ctx: FeatureContext, range: Range): InlayHintResult[] {
  return providersFor(ctx).flatMap((p) => p.inlayHints?.(ctx, range) ?? []);
}

export function codeLenses(ctx: FeatureContext): CodeLensResult[] {
  return providersFor(ctx).flatMap((p) => p.codeLenses?.(ctx) ?? []);
}
