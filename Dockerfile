# cyberdiplo server image: built in one stage (compilers and dev dependencies), run in another with the built app
# and production dependencies only, as an unprivileged user. Data (the SQLite file, if used) lives in a volume.
#   docker build -t cyberdiplo .
#   docker run -p 8080:8080 -v cyberdiplo-data:/var/lib/cyberdiplo cyberdiplo
# For a team on PostgreSQL, see deploy/compose.yaml.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY web ./web
COPY data ./data
RUN npm run build:web && npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    CYBERDIPLO_DB=/var/lib/cyberdiplo/cyberdiplo.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/data ./data
RUN mkdir -p /var/lib/cyberdiplo && chown node:node /var/lib/cyberdiplo
USER node
VOLUME ["/var/lib/cyberdiplo"]
EXPOSE 8080
# Ready means the database is reachable and migrated (GET /api/ready); the first start seeds it, hence the grace period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The CLI in the container: docker exec <container> node bin/cyberdiplo.js users add alice --role admin --org eeas
# The young generation is kept at 2 x 4 MB (Node's default grows it to 2 x 16 MB): the idle server stays under
# 150 MB, at no measurable cost in read throughput (bench/README.md, "Server footprint"); as in npm run serve.
CMD ["node", "--max-semi-space-size=4", "dist/server.js"]
