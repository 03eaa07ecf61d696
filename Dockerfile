# Parley: one image for the API and the worker. glibc base (onnxruntime-node needs it), non-root,
# the embedding model baked in at build time so the container never downloads at run time.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM deps AS model
# Multilingual sentence encoder (50+ languages, 384-d). Override with --build-arg EMBEDDING_MODEL=…
ARG EMBEDDING_MODEL=Xenova/paraphrase-multilingual-MiniLM-L12-v2
COPY scripts/bake-model.ts scripts/bake-model.ts
RUN node_modules/.bin/tsx scripts/bake-model.ts "$EMBEDDING_MODEL" /app/models/embedder

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    MODELS_DIR=/app/models \
    EMBEDDINGS=auto
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY evals ./evals
COPY prompts ./prompts
COPY migrations ./migrations
COPY models ./models
COPY demo ./demo
COPY --from=model /app/models/embedder ./models/embedder
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node_modules/.bin/tsx", "src/server.ts"]
