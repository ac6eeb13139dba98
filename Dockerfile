# One image for every Caroni process; the command picks the role
# (ENTRYPOINT is `caroni`: `docker compose exec site-a-api caroni tokens create ops --role admin`).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# Runtime dependencies only (tsx runs the TypeScript). --ignore-scripts skips
# the postinstall that fetches the Temporal CLI: Temporal runs as its own service.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY . .
# `caroni` on PATH, for the compose file's setup scripts and `docker compose exec`.
RUN ln -s /app/cli/caroni.js /usr/local/bin/caroni
ENTRYPOINT ["caroni"]
