# Contract Registry server image.
# Build stage: every dependency, to compile the TypeScript (no native module is loaded here).
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
# Every folder tsconfig.build.json compiles.
COPY api ./api
COPY cli ./cli
COPY client ./client
COPY codegen ./codegen
COPY conformance ./conformance
COPY contracts ./contracts
COPY prisma ./prisma
COPY security ./security
RUN npm run build

# Runtime stage: no compilers, no dev dependencies, not root.
FROM node:22-slim
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
RUN mkdir -p /var/lib/contract-registry && chown node:node /var/lib/contract-registry
USER node
VOLUME ["/var/lib/contract-registry"]
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8081)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["serve"]
