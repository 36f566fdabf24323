# One image for every Wangjian service; the command picks the app (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && (npm run build:console || true) && npm prune --omit=dev

FROM node:20-bookworm-slim
# NODE_OPTIONS: the V8 flags of libs/config/src/node-flags.ts (NODE_FLAGS), for every app of the image.
ENV NODE_ENV=production TZ=Asia/Shanghai NODE_OPTIONS=--max-semi-space-size=8
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/console/dist ./apps/console/dist
USER node
CMD ["node", "dist/apps/gateway/main.js"]
