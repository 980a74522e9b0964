# bpobot in a container: a static binary with the knowledge base embedded,
# run as an unprivileged user, the SQLite question log on a volume.
#
#   docker build -t bpobot .
#   docker run --env-file .env -v bpobot-data:/data -p 8080:8080 bpobot serve --addr :8080
#   docker run --env-file .env -v bpobot-data:/data bpobot          # the gateway bot (DISCORD_TOKEN)

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The same build as CI's (deploy/build): CGO_ENABLED=0, static.
RUN deploy/build /out/bpobot && /out/bpobot version && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bpobot /usr/local/bin/bpobot
COPY --from=build --chown=65532:65532 /out/data /data
# The question log; point BPOBOT_DB at PostgreSQL instead for replicas.
ENV BPOBOT_DB=/data/bpobot.db \
    HEALTH_ADDR=:8081
VOLUME /data
USER nonroot:nonroot
EXPOSE 8080 8081
# GET /healthz on HEALTH_ADDR: ready once every gateway shard is connected
# (run), or while serving (serve); 503 while connecting or shutting down.
# The image has no shell or curl: bpobot health makes the request.
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
    CMD ["/usr/local/bin/bpobot", "health"]
ENTRYPOINT ["/usr/local/bin/bpobot"]
CMD ["run"]
