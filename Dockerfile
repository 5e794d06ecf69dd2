# Contract Registry server image.
# test/docker/dockerfile.test.ts builds and runs this file without a Docker engine
# (npm test): a folder the build needs and this file does not copy fails it.
#
# Node 24 is the active LTS line, supported into April 2028; Node 22 ends in
# April 2027 and Node 20 has ended. Both stages use the same Node, so what tsc
# checks against and what runs are one version.
#
# Build stage: every dependency, to compile the TypeScript (no native module is loaded here).
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
# Every folder tsconfig.build.json compiles, and every folder they import.
COPY api ./api
COPY cli ./cli
COPY client ./client
COPY codegen ./codegen
COPY conformance ./conformance
COPY contracts ./contracts
COPY observability ./observability
COPY prisma ./prisma
COPY security ./security
RUN npm run build

# Runtime stage: no compilers, no dev dependencies, not root.
FROM node:24-slim AS runtime
ENV NODE_ENV=production \
    PORT=8081 \
    DATABASE_URL=file:/var/lib/contract-registry/registry.db \
    LOG_LEVEL=info
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only; better-sqlite3's install script fetches its prebuilt binary.
RUN npm ci --omit=dev --ignore-scripts && npm rebuild better-sqlite3 && npm cache clean --force
COPY --from=build /app/dist ./dist
# Migrations are applied at startup from prisma/<provider>/migrations.
COPY prisma/sqlite/migrations ./prisma/sqlite/migrations
COPY prisma/postgresql/migrations ./prisma/postgresql/migrations
# GET /openapi.json serves this document, found from the package root as the migrations are.
COPY api/openapi.yaml ./api/openapi.yaml
# `creg codegen` copies these sources next to the code it generates (package.json ships them too).
COPY codegen/runtime ./codegen/runtime
RUN mkdir -p /var/lib/contract-registry && chown node:node /var/lib/contract-registry
USER node
VOLUME ["/var/lib/contract-registry"]
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8081)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["serve"]
