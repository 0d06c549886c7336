#!/usr/bin/env bash
# Runs the shared feed validators (../shared/conformance) over every feed newsdesk
# exports and serves for the fixture config in cmd/newsdesk/testdata, and has a real
# reader (newsboat) subscribe to the served Atom and RSS feeds twice: the second poll
# of unchanged feeds must show nothing new. A second reader (python3-feedparser)
# subscribes too: readers must get the feeds, never the HTML page browsers get.
# Needs: python3, libxml2-utils or jing, python3-feedparser, newsboat (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
conf=${CONFORMANCE_DIR:-$root/../shared/conformance}
[ -d "$conf/bin" ] || { echo "conformance: no validators at $conf" >&2; exit 1; }
bin=$root/newsdesk
[ -x "$bin" ] || CGO_ENABLED=0 go build -o "$bin" ./cmd/newsdesk

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "conformance: $1 did not answer" >&2; return 1; }

# 1. The fixture feeds on loopback.
fport=$(free_port)
(cd cmd/newsdesk/testdata/feeds && exec python3 -m http.server "$fport" --bind 127.0.0.1) >/dev/null 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$fport/politique.rss"

sport=$(free_port)
sed -e "s#BASE#http://127.0.0.1:$fport#g" -e "s#127.0.0.1:0#127.0.0.1:$sport#" \
    -e "s#http://127.0.0.1:8080#http://127.0.0.1:$sport#" cmd/newsdesk/testdata/e2e.yaml > "$work/config.yaml"

"$bin" --config "$work/config.yaml" check
"$bin" --config "$work/config.yaml" --log-level warn fetch
"$bin" --config "$work/config.yaml" --log-level warn export --out "$work/out"

fail=0
check() { # tool file-or-url
	if "$conf/bin/$1" "$2" >"$work/check.log" 2>&1; then echo "ok    $1 $2"; else echo "FAIL  $1 $2"; cat "$work/check.log"; fail=1; fi
}
for f in "$work"/out/feeds/*.atom; do check check-atom "$f"; done
for f in "$work"/out/feeds/*.rss; do check check-rss "$f"; done
for f in "$work"/out/feeds/*.json; do check check-jsonfeed "$f"; done

# 2. The same feeds served, with their Content-Type, and a real reader.
"$bin" --config "$work/config.yaml" --log-level warn serve >"$work/serve.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$sport/healthz"
sections=$(sed -n 's/^  - id: //p' "$work/config.yaml")
urls=()
for s in $sections; do
	check check-atom "http://127.0.0.1:$sport/feeds/$s.atom"
	check check-rss "http://127.0.0.1:$sport/feeds/$s.rss"
	check check-jsonfeed "http://127.0.0.1:$sport/feeds/$s.json"
	urls+=("http://127.0.0.1:$sport/feeds/$s.atom" "http://127.0.0.1:$sport/feeds/$s.rss")
done
if command -v newsboat >/dev/null; then
	if "$conf/bin/newsboat-subscribe" --state "$work/nb" --separate "${urls[@]}" >"$work/nb1.txt" 2>&1; then
		echo "ok    newsboat stored $(grep -vc '^#' "$work/nb1.txt") items"
	else echo "FAIL  newsboat first poll"; cat "$work/nb1.txt"; fail=1; fi
	if "$conf/bin/newsboat-subscribe" --state "$work/nb" --separate --new-only "${urls[@]}" >"$work/nb2.txt" 2>&1 && ! grep -qv '^#' "$work/nb2.txt"; then
		echo "ok    newsboat second poll: nothing new"
	else echo "FAIL  newsboat second poll showed items"; cat "$work/nb2.txt"; fail=1; fi
else
	echo "FAIL  newsboat is not installed"; fail=1
fi
# A second reader: Python's feedparser (the library of many readers), with its own
# Accept header; its second poll with the validators it got must be a 304.
if /usr/bin/python3 - "${urls[@]}" >"$work/fp.txt" 2>&1 <<'PY'
import sys, feedparser
bad = 0
for url in sys.argv[1:]:
    d = feedparser.parse(url)
    ctype = d.headers.get("content-type", "")
    if d.get("status") != 200 or d.bozo or not d.entries or "html" in ctype:
        print("FAIL", url, d.get("status"), ctype, d.get("bozo_exception")); bad = 1; continue
    again = feedparser.parse(url, etag=d.get("etag"), modified=d.get("modified"))
    if again.get("status") != 304:
        print("FAIL", url, "second poll", again.get("status")); bad = 1; continue
    print("ok", url, len(d.entries), "entries, then 304")
sys.exit(bad)
PY
then echo "ok    feedparser subscribed to ${#urls[@]} feeds, second poll 304"
else echo "FAIL  feedparser"; cat "$work/fp.txt"; fail=1; fi
[ $fail = 0 ] && echo "conformance: all feeds valid"
exit $fail
