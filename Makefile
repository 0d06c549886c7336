# newsdesk: build, test, lint, bench. CGO is never needed (modernc SQLite is pure Go).
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
export CGO_ENABLED ?= 0

.PHONY: build test lint bench fuzz conformance clean

build:
	go build -trimpath -ldflags '$(LDFLAGS)' -o newsdesk ./cmd/newsdesk

# The test command of the README: every package, with the race detector
# (which needs cgo, so it is enabled for this target only).
test:
	CGO_ENABLED=1 go test -race -count=1 -timeout 30m ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	go vet ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

# Each fuzz target briefly (FUZZTIME=10s by default).
FUZZTIME ?= 10s
fuzz:
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

conformance: build
	./scripts/conformance.sh

clean:
	rm -f newsdesk
