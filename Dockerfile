# ido-vinder in containers, for docker-compose.yml (several replicas behind nginx over PostgreSQL).
# Three stages:
#   build          Debian 12 with the project's own scripts/install-deps.sh and scripts/build.sh
#   load-balancer  nginx with deploy/cluster/nginx.conf, serving the widget files itself
#   runtime        the service: the binary, data/ and the widget on debian:bookworm-slim with only the
#                  libraries it links (the last stage, so the default target)
#
#   docker build -t ido-vinder .                                   the service
#   docker build --target load-balancer -t ido-vinder-lb .         nginx

# --- build ------------------------------------------------------------------------------------------
FROM debian:bookworm AS build
WORKDIR /src
# The dependencies first, in a layer of their own that a source change does not invalidate.
# (install-deps.sh also installs the test tools: postgresql, chromium, ...; they stay in this stage.)
COPY scripts/install-deps.sh scripts/
COPY package.json package-lock.json ./
RUN scripts/install-deps.sh && rm -rf /var/lib/apt/lists/*
COPY . .
RUN scripts/build.sh -DIDO_BUILD_TESTS=OFF -DIDO_BUILD_BENCH=OFF \
    && test -x build/service/ido-vinder && test -f web-widget/dist/ido-vinder.js

# --- the load balancer ------------------------------------------------------------------------------
FROM debian:bookworm-slim AS load-balancer
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/ido-vinder-nginx/tmp
# deploy/cluster/nginx.conf includes everything else from its own directory (see its header);
# docker-compose.yml mounts its own upstreams.conf and server.conf over these defaults.
COPY deploy/cluster/nginx.conf deploy/ido-vinder-http.conf deploy/ido-vinder-site.conf \
     deploy/cluster/compose/upstreams.conf deploy/cluster/compose/server.conf /etc/ido-vinder/nginx/
COPY deploy/errors /usr/share/ido-vinder/deploy/errors
COPY --from=build /src/web-widget/dist /usr/share/ido-vinder/web-widget/dist
# Two malloc arenas: with glibc's default (8 per core) the worker threads' arenas kept the pages of freed
# snapshots and the RSS floor rose 3.3 MB in a 10-minute soak of writes; with two it stayed level, about
# 5-8 MB lower (bench/soak/README.md, 2026-12-01).
ENV MALLOC_ARENA_MAX=2
EXPOSE 8080
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/v1/health || exit 1
CMD ["nginx", "-e", "stderr", "-p", "/var/lib/ido-vinder-nginx/", "-c", "/etc/ido-vinder/nginx/nginx.conf", "-g", "daemon off;"]

# --- the service (the last stage, so the default target) ---------------------------------------
FROM debian:bookworm-slim AS runtime
# The shared libraries the binary links (Debian 12 names), the time zone database (opening hours are
# evaluated in Europe/Amsterdam) and curl for the health check.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       libpistache0 libgeos-c1v5 libgeos3.11.1 libproj25 proj-data libsqlite3-0 libpq5 libssl3 \
       tzdata ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ido-vinder \
    && install -d -o ido-vinder -g ido-vinder /var/lib/ido-vinder
COPY --from=build /src/build/service/ido-vinder /usr/local/bin/ido-vinder
COPY --from=build /src/data /usr/share/ido-vinder/data
COPY --from=build /src/web-widget/dist /usr/share/ido-vinder/web-widget/dist
# Fails the build when a library is missing from the list above.
RUN ! ldd /usr/local/bin/ido-vinder | grep -q 'not found'
USER ido-vinder
# Without IDO_DB (docker run on its own), the SQLite default var/ido-vinder.db lands here; mount a volume.
WORKDIR /var/lib/ido-vinder
ENV IDO_ADDRESS=0.0.0.0 \
    IDO_PORT=8080 \
    IDO_DATA_DIR=/usr/share/ido-vinder/data \
    IDO_WIDGET_DIR=/usr/share/ido-vinder/web-widget/dist
EXPOSE 8080
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/v1/health || exit 1
ENTRYPOINT ["ido-vinder"]
CMD ["serve"]
