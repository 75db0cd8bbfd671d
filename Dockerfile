FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY db ./db
COPY bin ./bin
RUN npm ci && npm prune --omit=dev
ENV NODE_ENV=production
EXPOSE 3000
CMD ["node", "bin/nurture.js", "serve"]
