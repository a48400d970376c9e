# wrapup-tracker as a GitHub App server.
#   docker build -t wrapup-tracker .
#   docker run --env-file .env -p 3000:3000 wrapup-tracker
# Needs APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH to a mounted file) and WEBHOOK_SECRET; see .env.example.
# Port 3000 takes GitHub's webhooks; /metrics answers on METRICS_PORT (9464), which `-p 3000:3000`
# leaves unpublished. Put TLS in front of it (docker-compose.yml does, with Caddy).
# Several replicas: docker-compose.yml runs two behind Caddy (HTTPS) and nginx, with one Redis.

# ---- build: compile TypeScript (needs the dev dependencies) ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` would run tsc before the sources are here: install first, build below.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies and the compiled app only ----
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    METRICS_PORT=9464
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY app.yml ./
COPY config ./config
COPY bin ./bin
# The image's unprivileged user; nothing in /app needs to be written at run time.
USER node
# Only the webhook port is meant to be published; METRICS_PORT stays on the container's network.
EXPOSE 3000
# On the internal port, where health checks log at debug (the webhook port logs each request at info).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.METRICS_PORT || process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (what `docker stop` sends) drains the replica: no new deliveries, in-flight work finished
# or its leases handed back within WRAPUP_SHUTDOWN_TIMEOUT_MS (25 s; give the container 30 s).
STOPSIGNAL SIGTERM
# What `npm start` runs, without npm in between (so signals reach the server).
CMD ["node", "lib/server.js"]
