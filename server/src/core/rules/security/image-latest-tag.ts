import { allContainers, containerLabel } from '../../model/pods';
import { getPair } from '../../model/yaml';
import { known } from './common';
import { defineRule } from '../define';

/**
 * The characters of an image reference (`registry:5000/ns/name:tag@sha256:…`), anchored and linear.
 * A value outside them is a placeholder to fill in (`<YOUR-IMAGE>`, `<image_url>`), not an image.
 */
const IMAGE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._\-/:]*(@[A-Za-z0-9_+.-]+:[A-Za-z0-9=_-]+)?$/;

/** An image with no tag or `:latest`, and no digest. Range: the `image` pair. No fix (the tag to pin is the user's choice). */
export const imageLatestTag = defineRule({
  id: 'image-latest-tag',
  category: 'security',
  target: 'yaml-document',
  defaultSeverity: 'warning',
  equivalents: ['kube-linter:latest-tag', 'polaris:tagNotSpecified'],
  references: [{ title: 'Kubernetes: container images', url: 'https://kubernetes.io/docs/concepts/containers/images/#image-names' }],
  docs: {
    summary: 'An image without a tag, or tagged latest, and without a digest. A value that is no image reference (a placeholder such as `<YOUR-IMAGE>`) is left alone.',
    risk: 'Which image runs changes with every push: deployments are not reproducible and a compromised tag is picked up silently.',
    fix: 'Pin a version tag or, better, a digest (image@sha256:…). In the editor the finding underlines the `image` line. No quick fix.',
  },
  messages: {
    messageNoTag: 'Container "{container}" uses the image {image} without a tag (latest).',
    messageLatest: 'Container "{container}" uses the image {image} tagged latest.',
  },
  check(ctx, m) {
    const { doc } = ctx;
    for (const c of allContainers(doc)) {
      const pair = getPair(c.node, 'image');
      const image = known(pair?.value);
      if (!pair || !image || !image.trim() || !IMAGE_REFERENCE.test(image.trim())) continue;
      const ref = imageTag(image.trim());
      if (ref.digest) continue;
      if (ref.tag !== undefined && ref.tag !== 'latest') continue;
      ctx.report({
        range: doc.pairRange(pair),
        message: m(ref.tag === undefined ? 'messageNoTag' : 'messageLatest', { container: containerLabel(c), image }),
      });
    }
  },
});

/** The tag and digest of an image reference (`registry:5000/ns/name:tag@sha256:…`). */
export function imageTag(image: string): { tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  return { tag, digest };
}
