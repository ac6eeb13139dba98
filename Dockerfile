# One image for every Caroni process; the command picks the role.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
# The Temporal CLI is not needed in containers: Temporal runs as its own service.
RUN npm ci --omit=dev --ignore-scripts
COPY . .
ENTRYPOINT ["node", "cli/caroni.js"]
