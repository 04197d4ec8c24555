FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-cli.mjs scripts/prisma-cli.mjs
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npx next build
EXPOSE 3000
# In a container the app must listen beyond its own loopback; docker-compose.yml publishes the port
# on the host's 127.0.0.1 only.
ENV HOST=0.0.0.0
# Migrates, loads the demo data into an empty database (unless SEED_DEMO=false), then serves.
CMD ["npx", "tsx", "scripts/dev.ts", "--production", "--no-build"]
