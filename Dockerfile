# tinwatch image: Node 20 on Debian bookworm with Debian's Chromium at /usr/bin/chromium (the
# path the browser fetcher uses; Playwright's own browser download is not needed).
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium ca-certificates fonts-noto-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts skips the project's prepare (a build needing dev tools); rebuild runs the
# dependencies' own install scripts.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY config ./config
COPY crawlers ./crawlers
COPY workers ./workers
COPY src ./src
COPY base ./base
COPY pipeline ./pipeline
COPY app ./app
# Compiled once here, so every start runs JavaScript (bin/tinwatch.js picks dist/ when fresh);
# typescript comes in for the build alone.
RUN npx --yes --package=typescript@5.9.3 tsc -p tsconfig.build.json
# The V8 heap budget (config/pipeline.ts heapBudgetMb): without it V8 sizes the heap from the
# host's memory and a busy worker's RSS floats far above what it uses.
ENV NODE_ENV=production TINWATCH_OUT=/data/out NODE_OPTIONS=--max-old-space-size=384
VOLUME ["/data/out"]
USER node
ENTRYPOINT ["node", "bin/tinwatch.js"]
CMD ["start"]
