#!/usr/bin/env bash
# Build the loci base, requirements (wheels) and cinder/glance images for 2025.2 on noble.
# Run from a loci checkout (https://opendev.org/openstack/loci). BuildKit is required (RUN --mount).
set -euo pipefail
REGISTRY=${REGISTRY:-registry.example.com/openstack}
TAG=2025.2-ubuntu_noble_loci

docker buildx build . -f Dockerfile.base \
  --build-arg FROM=public.ecr.aws/ubuntu/ubuntu:noble \
  -t "$REGISTRY/base:$TAG"

docker buildx build . -f Dockerfile --target requirements \
  --build-arg FROM="$REGISTRY/base:$TAG" \
  --build-arg PROJECT=requirements \
  --build-arg PROJECT_REF=stable/2025.2 \
  --build-arg KEEP_ALL_WHEELS=yes \
  -t "$REGISTRY/requirements:$TAG"

docker buildx build . -f Dockerfile --target project \
  --build-arg FROM="$REGISTRY/base:$TAG" \
  --build-arg PROJECT=cinder \
  --build-arg PROJECT_REF=stable/2025.2 \
  --build-arg PROFILES='fluent lvm ceph qemu apache' \
  --build-arg PIP_PACKAGES='python-swiftclient' \
  --build-arg DIST_PACKAGES='open-iscsi multipath-tools' \
  --build-arg WHEELS="$REGISTRY/requirements:$TAG" \
  --build-arg KEEP_ALL_WHEELS=yes \
  -t "$REGISTRY/cinder:$TAG"

docker buildx build . -f Dockerfile --target project \
  --build-arg FROM="$REGISTRY/base:$TAG" \
  --build-arg PROJECT=glance \
  --build-arg PROJECT_REF=stable/2025.2 \
  --build-arg PROFILES='fluent ceph qemu' \
  --build-arg PIP_PACKAGES='python-swiftclient os-brick python-cinderclient oslo-rootwrap' \
  --build-arg WHEELS="$REGISTRY/requirements:$TAG" \
  --build-arg KEEP_ALL_WHEELS=yes \
  -t "$REGISTRY/glance:$TAG"
