# Multi-stage build: a static, CGO-free binary on a minimal non-root image.
#   docker build -t newsdesk .
#   docker run -p 8080:8080 -v newsdesk-data:/data newsdesk
# The database lives on the /data volume; the sample config is baked in at
# /etc/newsdesk/config.yaml: mount your own over it (-v ./config.yaml:/etc/newsdesk/config.yaml:ro)
# with `database: /data/newsdesk.db` and `listen: 0.0.0.0:8080`.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/newsdesk ./cmd/newsdesk \
 && mkdir -p /out/data && sed -e 's#^listen: .*#listen: 0.0.0.0:8080#' -e 's#^database: .*#database: /data/newsdesk.db#' config.yaml > /out/config.yaml

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsdesk /usr/local/bin/newsdesk
COPY --from=build --chown=nonroot:nonroot /out/config.yaml /etc/newsdesk/config.yaml
COPY --from=build --chown=nonroot:nonroot /out/data /data
USER nonroot:nonroot
VOLUME /data
EXPOSE 8080
ENV NEWSDESK_CONFIG=/etc/newsdesk/config.yaml
ENTRYPOINT ["/usr/local/bin/newsdesk"]
CMD ["--log-format", "json", "serve"]
