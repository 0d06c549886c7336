#!/usr/bin/python3
"""Runs Debian's python3-feedparser over the producer corpus as a reference
(not a Go test dependency):

    apt-get install python3-feedparser
    ./feedparser_reference.py [-v] [heldout]

For every feed it counts the entries feedparser parses, leaves out those
with no title, link, text and enclosure (newsdesk skips them by design; the
script lists them), and compares with the items newsdesk must publish
(expect/*.json, checked by corpus_test.go). Differences are printed with
the fixture's note; the totals end the report. feedparser 6.0 reads no JSON
Feed: those files are listed and left out of the comparison.
"""
import glob, json, os, sys
import feedparser

HERE = os.path.dirname(os.path.abspath(__file__))
verbose = "-v" in sys.argv
if "heldout" in sys.argv:
    HERE = os.path.join(HERE, "heldout")

def empty(e):
    text = e.get("summary") or any(c.get("value") for c in e.get("content", []))
    return not (e.get("title") or e.get("link") or text or e.get("enclosures"))

total_fp = total_nd = skipped = same = 0
diffs, unread = [], []
for path in sorted(glob.glob(os.path.join(HERE, "expect", "*.json"))):
    exp = json.load(open(path))
    body = open(os.path.join(HERE, "feeds", exp["file"]), "rb").read()
    d = feedparser.parse(body, response_headers={"content-type": exp["content_type"]})
    if exp["file"].endswith(".json") and not d.entries and not d.get("version"):
        # feedparser before 6.1 has no JSON Feed reader: not a reference here.
        unread.append(exp["file"])
        print("not read  %s: feedparser %s has no JSON Feed support (newsdesk %d)" % (exp["file"], feedparser.__version__, exp["count"]))
        continue
    kept = [e for e in d.entries if not empty(e)]
    for e in d.entries:
        if empty(e):
            skipped += 1
            print("skipped by design: %s: an entry with no title, link, text or enclosure" % exp["file"])
    total_fp += len(kept)
    total_nd += exp["count"]
    if len(kept) == exp["count"]:
        same += 1
        if verbose:
            print("same      %s: %d" % (exp["file"], len(kept)))
    else:
        diffs.append(exp["file"])
        print("different %s: feedparser %d, newsdesk %d (bozo=%s %s) %s" % (
            exp["file"], len(kept), exp["count"], d.bozo, type(d.get("bozo_exception", "")).__name__, exp.get("note", "")))
n = len(glob.glob(os.path.join(HERE, "expect", "*.json")))
print("feeds %d: %d compared (%d JSON Feeds feedparser %s cannot read), same count %d, different %d" % (
    n, n - len(unread), len(unread), feedparser.__version__, same, len(diffs)))
print("items of the feeds compared: feedparser %d (after %d entries with no title, link, text or enclosure left out), newsdesk %d" % (
    total_fp, skipped, total_nd))
