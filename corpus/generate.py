#!/usr/bin/python3
"""Writes the producer corpus: feeds/NNN-name.{xml,json} in the shapes real
producers emit, and expect/NNN-name.json, what a subscriber must get from
each (count, titles, links, dates). Run from this folder:

    ./generate.py            # rewrites feeds/ and expect/

The expected values come from the model below, written by hand per family:
the title as a reader must read it, the link in its cleaned form, the date
in UTC ("first-seen" where the source gives none, or one more than a day
after the fetch). Nothing here runs newsdesk. The fetch time of the Go test
is NOW.
"""
import json, os, random, shutil
from datetime import datetime, timedelta, timezone

NOW = datetime(2026, 3, 2, 12, 0, 0, tzinfo=timezone.utc)
R = random.Random(13)
OUT = os.path.dirname(os.path.abspath(__file__))

FR = ("budget conseil municipal vote réforme école hôpital grève transport région député ministre "
      "enquête tribunal procès élection sondage printemps hiver récolte vendange marché prix loyer "
      "logement chantier pont gare tramway musée festival théâtre concert rugby football cyclisme "
      "montagne rivière crue incendie forêt climat énergie éolienne centrale usine emploi salaire").split()
EN = ("council budget vote reform school hospital strike transit region senator minister inquiry "
      "court trial election poll spring winter harvest vineyard market price rent housing bridge "
      "station tram museum festival theatre concert league cup cycling mountain river flood wildfire "
      "forest climate energy turbine plant factory jobs wages library garden harbour airport").split()

seq = [0]
def uniq():
    seq[0] += 1
    return seq[0]

def words(n, lang):
    pool = FR if lang == "fr" else EN
    return " ".join(R.choice(pool) for _ in range(n))

def headline(lang):
    w = words(R.randint(4, 7), lang)
    return w[0].upper() + w[1:] + " " + str(uniq())

def paragraph(lang):
    return words(R.randint(25, 45), lang).capitalize() + "."

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def attr(s):
    return esc(s).replace('"', "&quot;")

def rfc822(d, zone="+0000"):
    offs = {"+0000": 0, "GMT": 0, "UT": 0, "+0100": 60, "+0200": 120, "-0500": -300, "EST": -300, "EDT": -240, "PST": -480, "+0530": 330}
    local = d + timedelta(minutes=offs[zone])
    return local.strftime("%a, %d %b %Y %H:%M:%S ") + zone

def rfc3339(d, off=0):
    local = d + timedelta(minutes=off)
    if off == 0:
        return local.strftime("%Y-%m-%dT%H:%M:%SZ")
    sign = "+" if off > 0 else "-"
    return local.strftime("%Y-%m-%dT%H:%M:%S") + "%s%02d:%02d" % (sign, abs(off) // 60, abs(off) % 60)

def utc(d):
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

def past(i):
    """A plausible date: hours to weeks before the fetch, to the minute."""
    return (NOW - timedelta(hours=3 + 7 * i + R.randint(0, 5), minutes=R.randint(0, 59))).replace(second=0)

def text_title(t, n=80):
    """The title of an item that has none: the start of its text, n
    characters at most, cut at a word boundary and ended with an ellipsis."""
    if len(t) <= n:
        return t
    cut = t[:n - 1]
    if not t[n - 1].isspace():
        sp = cut.rfind(" ")
        if sp > len(cut) // 2:
            cut = cut[:sp]
    return cut.rstrip(" ,;:-–—([{«\"'") + "…"

def item(lang, host, i, **kw):
    t = headline(lang)
    slug = "-".join(t.lower().split()[:4]).replace("é", "e").replace("è", "e").replace("ô", "o").replace("â", "a").replace("ê", "e").replace("û", "u")
    d = past(i)
    it = {"title": t, "title_exp": t, "link": "https://%s/%d/%s" % (host, 2026, slug), "date": d,
          "text": paragraph(lang), "guid": "%s-%d" % (host, uniq())}
    it["link_exp"] = it["link"]
    it["date_exp"] = utc(d)
    it.update(kw)
    return it

fixtures = []
def add(name, ext, ctype, body, items, note="", encoding="utf-8"):
    n = len(fixtures) + 1
    fname = "%03d-%s.%s" % (n, name, ext)
    if isinstance(body, str):
        body = body.encode(encoding)
    exp = [{"title": it["title_exp"], "link": it["link_exp"], "published": it["date_exp"]} for it in items if not it.get("skip")]
    fixtures.append((fname, ctype, body, {"file": fname, "content_type": ctype, "count": len(exp), "items": exp, "note": note}))

# ---------------------------------------------------------------- RSS 2.0
def rss_doc(items, item_xml, title="Blog", link="https://blog.example/", ns="", extra="", decl='<?xml version="1.0" encoding="UTF-8"?>', version="2.0"):
    body = "".join(item_xml(it) for it in items)
    return (decl + '\n<rss version="%s"%s><channel><title>%s</title><link>%s</link><description>%s</description>%s\n%s</channel></rss>\n'
            % (version, ns, esc(title), esc(link), "Latest news", extra, body))

WP_NS = (' xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"'
         ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"'
         ' xmlns:sy="http://purl.org/rss/1.0/modules/syndication/" xmlns:slash="http://purl.org/rss/1.0/modules/slash/"')

def wordpress(lang, host, n, zone):
    items = [item(lang, host, i) for i in range(n)]
    def x(it):
        return ("<item><title>%s</title><link>%s</link><comments>%s#respond</comments><dc:creator><![CDATA[%s]]></dc:creator>"
                "<pubDate>%s</pubDate><category><![CDATA[%s]]></category><guid isPermaLink=\"false\">https://%s/?p=%d</guid>"
                "<description><![CDATA[%s [&#8230;]]]></description><content:encoded><![CDATA[<p>%s</p><p>The post <a href=\"%s\">%s</a> appeared first on Blog.</p>]]></content:encoded>"
                "<wfw:commentRss>%sfeed/</wfw:commentRss><slash:comments>%d</slash:comments></item>\n"
                % (esc(it["title"]), it["link"], it["link"], "Rédaction", rfc822(it["date"], zone), words(1, lang), host, uniq(),
                   it["text"][:80], it["text"], it["link"], esc(it["title"]), it["link"], R.randint(0, 9)))
    return rss_doc(items, x, "WordPress " + host, "https://%s/" % host, WP_NS,
                   '<atom:link href="https://%s/feed/" rel="self" type="application/rss+xml"/><sy:updatePeriod>hourly</sy:updatePeriod>' % host), items

for k, (lang, zone) in enumerate([("fr", "+0000"), ("en", "+0000"), ("fr", "+0100"), ("en", "-0500"), ("fr", "+0200"), ("en", "GMT"), ("fr", "+0000"), ("en", "+0530")]):
    body, items = wordpress(lang, "wp%d.example" % k, 4 + k % 4, zone)
    add("wordpress-%s" % lang, "xml", "application/rss+xml; charset=UTF-8", body, items)

# WordPress with HTML entities in titles (the &#8217; WordPress writes) and a literal <tag>.
items = [item("en", "wpent.example", i) for i in range(4)]
items[0]["title"] = "It&#8217;s budget day &#8211; &amp; the markets wait"; items[0]["title_exp"] = "It’s budget day – & the markets wait"
items[1]["title"] = "Vector&lt;T&gt; in C++ &amp; why it matters"; items[1]["title_exp"] = "Vector<T> in C++ & why it matters"
items[2]["title"] = "AT&amp;T &amp; the &lt;blink&gt; tag"; items[2]["title_exp"] = "AT&T & the <blink> tag"
items[3]["title"] = "&lt;em&gt;Bold&lt;/em&gt; moves at the &lt;b&gt;council&lt;/b&gt;"; items[3]["title_exp"] = "Bold moves at the council"
def x(it):
    return "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><guid>%s</guid><description>%s</description></item>\n" % (
        it["title"], it["link"], rfc822(it["date"]), it["guid"], esc(it["text"]))
add("wordpress-entities", "xml", "application/rss+xml", rss_doc(items, x), items, "titles with character references and literal angle brackets")

# ---------------------------------------------------------------- Blogger (Atom)
def atom_doc(items, entry_xml, title="Atom", ns="", extra="", base="", decl='<?xml version="1.0" encoding="UTF-8"?>'):
    b = ' xml:base="%s"' % base if base else ""
    return (decl + '\n<feed xmlns="http://www.w3.org/2005/Atom"%s%s><id>tag:%s</id><title type="text">%s</title><updated>%s</updated>%s\n%s</feed>\n'
            % (ns, b, attr(title), esc(title), rfc3339(NOW - timedelta(hours=1)), extra, "".join(entry_xml(e) for e in items)))

for k in range(6):
    host = "blogger%d.example" % k
    lang = "fr" if k % 2 else "en"
    items = [item(lang, host, i) for i in range(3 + k)]
    off = [0, 60, -300, 120, 0, -420][k]
    def x(it, host=host, off=off):
        return ("<entry><id>tag:blogger.com,1999:blog-%d.post-%d</id><published>%s</published><updated>%s</updated>"
                "<category scheme=\"http://www.blogger.com/atom/ns#\" term=\"%s\"/><title type=\"text\">%s</title>"
                "<content type=\"html\">%s</content><link rel=\"replies\" type=\"text/html\" href=\"%s#comment-form\" title=\"0 Comments\"/>"
                "<link rel=\"edit\" type=\"application/atom+xml\" href=\"https://www.blogger.example/feeds/%d/posts/default/%d\"/>"
                "<link rel=\"alternate\" type=\"text/html\" href=\"%s\" title=\"%s\"/><author><name>Blogueur</name></author>"
                "<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"https://%s/s72-c/img.jpg\" height=\"72\" width=\"72\"/><thr:total>0</thr:total></entry>\n"
                % (k, uniq(), rfc3339(it["date"], off), rfc3339(it["date"] + timedelta(hours=1), off), words(1, lang), esc(it["title"]),
                   esc("<p>" + it["text"] + "</p>"), it["link"], k, uniq(), it["link"], attr(it["title"]), host))
    add("blogger", "xml", "application/atom+xml; charset=UTF-8", atom_doc(items, x, "Blogger " + host, ' xmlns:thr="http://purl.org/syndication/thread/1.0"'), items)

# ---------------------------------------------------------------- Drupal
for k in range(6):
    host = "drupal%d.example" % k
    lang = "fr" if k % 2 == 0 else "en"
    items = [item(lang, host, i) for i in range(5)]
    def x(it, host=host):
        node = uniq()
        return ("<item><title>%s</title><link>%s</link><description>%s</description><pubDate>%s</pubDate>"
                "<dc:creator>admin</dc:creator><guid isPermaLink=\"false\">%d at https://%s</guid></item>\n"
                % (esc(it["title"]), it["link"], esc("<p>" + it["text"] + "</p><p><a href=\"/node/%d\">read more</a></p>" % node),
                   rfc822(it["date"], "+0100"), node, host))
    extra = '<language>%s</language>' % lang
    add("drupal", "xml", "application/rss+xml; charset=utf-8",
        rss_doc(items, x, "Drupal " + host, "https://%s/" % host, ' xml:base="https://%s/" xmlns:dc="http://purl.org/dc/elements/1.1/"' % host, extra), items)

# ---------------------------------------------------------------- Ghost
for k in range(5):
    host = "ghost%d.example" % k
    items = [item("en", host, i) for i in range(4)]
    if k == 0:
        items[1]["title"] = "Using <template> & <slot> in web components"; items[1]["title_exp"] = "Using <template> & <slot> in web components"
    def x(it, host=host):
        return ("<item><title><![CDATA[%s]]></title><description><![CDATA[%s]]></description><link>%s</link>"
                "<guid isPermaLink=\"false\">%s</guid><category><![CDATA[News]]></category><dc:creator><![CDATA[Ghost Writer]]></dc:creator>"
                "<pubDate>%s</pubDate><media:content url=\"https://%s/content/images/%d.jpg\" medium=\"image\"/>"
                "<content:encoded><![CDATA[<img src=\"https://%s/content/images/%d.jpg\"><p>%s</p>]]></content:encoded></item>\n"
                % (it["title"], it["text"][:60], it["link"], "%024x" % uniq(), rfc822(it["date"], "GMT"), host, uniq(), host, uniq(), it["text"]))
    ns = ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"'
    add("ghost", "xml", "application/rss+xml; charset=utf-8", rss_doc(items, x, "Ghost " + host, "https://%s/" % host, ns), items,
        "CDATA titles: text in angle brackets is text" if k == 0 else "")

# ---------------------------------------------------------------- Substack
for k in range(5):
    host = "letter%d.substack.example" % k
    items = [item("en", host, i) for i in range(5)]
    for it in items:
        it["link"] = it["link"] + "?utm_source=substack&utm_medium=email"
    def x(it, host=host):
        return ("<item><title><![CDATA[%s]]></title><description><![CDATA[%s]]></description><link>%s</link>"
                "<guid isPermaLink=\"false\">%s</guid><dc:creator><![CDATA[Writer]]></dc:creator><pubDate>%s</pubDate>"
                "<enclosure url=\"https://substackcdn.example/image/%d.jpeg\" length=\"0\" type=\"image/jpeg\"/>"
                "<content:encoded><![CDATA[<div class=\"captioned\"><p>%s</p></div>]]></content:encoded></item>\n"
                % (it["title"], it["text"][:50], it["link"], it["link"].split("?")[0], rfc822(it["date"], "GMT"), uniq(), it["text"]))
    ns = ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom"'
    add("substack", "xml", "application/rss+xml", rss_doc(items, x, "Letter " + host, "https://%s/" % host, ns), items, "tracking parameters removed from links")

# ---------------------------------------------------------------- Podcasts (iTunes)
for k in range(8):
    host = "podcast%d.example" % k
    lang = "fr" if k % 2 else "en"
    items = [item(lang, host, i) for i in range(4 + k % 3)]
    nolink = k in (2, 5)
    for it in items:
        it["mp3"] = "https://cdn.%s/episodes/%d.mp3" % (host, uniq())
        if nolink:
            it["link_exp"] = ""
    def x(it, host=host, nolink=nolink):
        link = "" if nolink else "<link>%s</link>" % it["link"]
        return ("<item><title>%s</title>%s<guid isPermaLink=\"false\">%s</guid><pubDate>%s</pubDate>"
                "<enclosure url=\"%s\" length=\"%d\" type=\"audio/mpeg\"/><itunes:duration>%d:%02d</itunes:duration>"
                "<itunes:summary>%s</itunes:summary><itunes:explicit>false</itunes:explicit><itunes:episodeType>full</itunes:episodeType></item>\n"
                % (esc(it["title"]), link, it["guid"], rfc822(it["date"], "+0000"), it["mp3"], R.randint(10**6, 10**8), R.randint(10, 90), R.randint(0, 59), esc(it["text"])))
    ns = ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    extra = '<itunes:author>Studio</itunes:author><itunes:image href="https://%s/cover.jpg"/><itunes:category text="News"/>' % host
    add("podcast-itunes", "xml", "application/rss+xml", rss_doc(items, x, "Podcast " + host, "https://%s/" % host, ns, extra), items,
        "episodes without a link: the enclosure is the item" if nolink else "")

# ---------------------------------------------------------------- News CMSs (Media RSS, various zones and encodings)
encs = [("utf-8", "UTF-8"), ("iso-8859-1", "ISO-8859-1"), ("windows-1252", "windows-1252"), ("iso-8859-15", "ISO-8859-15"), ("utf-8", "utf-8")]
for k in range(10):
    host = "journal%d.example" % k
    enc, label = encs[k % len(encs)]
    items = [item("fr", host, i) for i in range(6)]
    items[0]["title"] = "L'été à Genève : les élèves reçoivent leur diplôme " + str(uniq()); items[0]["title_exp"] = items[0]["title"]
    if enc == "windows-1252":
        items[1]["title"] = "« Ça n’est pas fini » – œuvre " + str(uniq()); items[1]["title_exp"] = items[1]["title"]
    if enc == "iso-8859-15":
        items[1]["title"] = "Prix du loyer : 900 € par mois " + str(uniq()); items[1]["title_exp"] = items[1]["title"]
    zone = ["+0100", "+0200", "GMT", "+0000", "-0500"][k % 5]
    def x(it, host=host, zone=zone):
        return ("<item><title>%s</title><link>%s?xtor=RSS-%d</link><description>%s</description><pubDate>%s</pubDate>"
                "<guid isPermaLink=\"true\">%s</guid><media:content url=\"https://img.%s/%d.jpg\" medium=\"image\" width=\"640\"><media:credit>AFP</media:credit></media:content></item>\n"
                % (esc(it["title"]), it["link"], uniq(), esc(it["text"]), rfc822(it["date"], zone), it["link"], host, uniq()))
    ns = ' xmlns:media="http://search.yahoo.com/mrss/"'
    decl = '<?xml version="1.0" encoding="%s"?>' % label
    ctype = "text/xml" if k % 2 else "application/rss+xml; charset=%s" % label
    add("newscms-" + enc, "xml", ctype, rss_doc(items, x, "Journal %d" % k, "https://%s/" % host, ns, "", decl), items,
        "encoded as %s, declared; links carry ?xtor=" % enc, encoding=enc)

# ---------------------------------------------------------------- FeedBurner
for k in range(5):
    host = "fb%d.example" % k
    items = [item("en", host, i) for i in range(4)]
    def x(it, host=host):
        return ("<item><title>%s</title><link>%s?utm_source=feedburner&amp;utm_medium=feed&amp;utm_campaign=Feed%%3A+%s</link>"
                "<description>%s</description><pubDate>%s</pubDate><guid isPermaLink=\"false\">%s</guid><feedburner:origLink>%s</feedburner:origLink></item>\n"
                % (esc(it["title"]), it["link"], host, esc(it["text"]), rfc822(it["date"], "PST" if k % 2 else "EST"), it["guid"], it["link"]))
    ns = ' xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" xmlns:atom10="http://www.w3.org/2005/Atom"'
    add("feedburner", "xml", "text/xml; charset=UTF-8", rss_doc(items, x, "FB " + host, "https://%s/" % host, ns), items,
        "utm_* removed; zone abbreviations")

# ---------------------------------------------------------------- Mastodon (no titles)
for k in range(5):
    host = "social%d.example" % k
    items = [item("en", host, i) for i in range(5)]
    for it in items:
        it["link"] = "https://%s/@user/%d" % (host, 110000000000000000 + uniq())
        it["link_exp"] = it["link"]
        # No title: the reader sees the start of the text.
        it["title_exp"] = text_title(it["text"])
    def x(it):
        return ("<item><guid isPermaLink=\"true\">%s</guid><link>%s</link><pubDate>%s</pubDate><description>%s</description>"
                "<media:content url=\"https://files.example/%d.png\" type=\"image/png\" fileSize=\"1234\" medium=\"image\"><media:rating scheme=\"urn:simple\">nonadult</media:rating></media:content></item>\n"
                % (it["link"], it["link"], rfc822(it["date"], "+0000"), esc("<p>" + it["text"] + "</p>"), uniq()))
    add("mastodon", "xml", "application/rss+xml; charset=utf-8",
        rss_doc(items, x, "User", "https://%s/@user" % host, ' xmlns:webfeeds="http://webfeeds.org/rss/1.0" xmlns:media="http://search.yahoo.com/mrss/"'), items,
        "statuses without titles: the title is the start of the text")

# ---------------------------------------------------------------- YouTube
for k in range(5):
    items = [item("en", "www.youtube.example", i) for i in range(5)]
    for it in items:
        vid = "%011x" % uniq()
        it["vid"] = vid
        it["link"] = "https://www.youtube.example/watch?v=" + vid
        it["link_exp"] = it["link"]
    def x(it):
        return ("<entry><id>yt:video:%s</id><yt:videoId>%s</yt:videoId><yt:channelId>UC%d</yt:channelId><title>%s</title>"
                "<link rel=\"alternate\" href=\"%s\"/><author><name>Channel</name><uri>https://www.youtube.example/channel/UC%d</uri></author>"
                "<published>%s</published><updated>%s</updated><media:group><media:title>%s</media:title>"
                "<media:content url=\"https://www.youtube.example/v/%s?version=3\" type=\"application/x-shockwave-flash\" width=\"640\" height=\"390\"/>"
                "<media:thumbnail url=\"https://i.ytimg.example/vi/%s/hqdefault.jpg\" width=\"480\" height=\"360\"/><media:description>%s</media:description>"
                "<media:community><media:starRating count=\"12\" average=\"5.00\" min=\"1\" max=\"5\"/><media:statistics views=\"123\"/></media:community></media:group></entry>\n"
                % (it["vid"], it["vid"], k, esc(it["title"]), it["link"], k, rfc3339(it["date"]), rfc3339(it["date"] + timedelta(days=1)),
                   esc(it["title"]), it["vid"], it["vid"], esc(it["text"])))
    add("youtube", "xml", "application/atom+xml; charset=UTF-8",
        atom_doc(items, x, "Channel %d" % k, ' xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/"',
                 '<link rel="self" href="https://www.youtube.example/feeds/videos.xml?channel_id=UC%d"/>' % k), items)

# ---------------------------------------------------------------- GitHub releases
for k in range(5):
    repo = "owner%d/project%d" % (k, k)
    items = []
    for i in range(4):
        v = "v%d.%d.%d" % (k + 1, 4 - i, R.randint(0, 9))
        it = item("en", "github.example", i)
        it["title"] = it["title_exp"] = v
        it["link"] = it["link_exp"] = "https://github.example/%s/releases/tag/%s" % (repo, v)
        items.append(it)
    def x(it):
        return ("<entry><id>tag:github.com,2008:Repository/%d/%s</id><updated>%s</updated><link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>"
                "<title>%s</title><content type=\"html\">%s</content><author><name>maintainer</name></author>"
                "<media:thumbnail height=\"30\" width=\"30\" url=\"https://avatars.example/u/1?s=60&amp;v=4\"/></entry>\n"
                % (uniq(), it["title"], rfc3339(it["date"]), it["link"], it["title"], esc("<h2>Changes</h2><ul><li>" + it["text"] + "</li></ul>")))
    add("github-releases", "xml", "application/atom+xml; charset=utf-8",
        atom_doc(items, x, "Release notes from project%d" % k, ' xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en-US"',
                 '<link type="text/html" rel="alternate" href="https://github.example/%s/releases"/>' % repo), items,
        "releases dated only by <updated>")

# ---------------------------------------------------------------- JSON Feed (micro-blogs and blogs)
def json_doc(items, version="1.1", title="Micro", extra=None, item_fn=None):
    d = {"version": "https://jsonfeed.org/version/" + version, "title": title, "home_page_url": "https://micro.example/", "items": [item_fn(it) for it in items]}
    if extra:
        d.update(extra)
    return json.dumps(d, ensure_ascii=False, indent=1)

for k in range(6):
    items = [item("en", "micro%d.example" % k, i) for i in range(5)]
    untitled = k % 2 == 0
    for it in items:
        if untitled:
            it["title_exp"] = text_title(it["text"])
    def fn(it, untitled=untitled, k=k):
        d = {"id": it["link"], "url": it["link"], "date_published": rfc3339(it["date"], 60 if k % 3 == 0 else 0)}
        if untitled:
            d["content_text"] = it["text"]
        else:
            d["title"] = it["title"]
            d["content_html"] = "<p>" + it["text"] + "</p>"
        if k == 1:
            d["tags"] = ["a", "b"]
            d["authors"] = [{"name": "Ann"}]
        return d
    add("jsonfeed-" + ("micro" if untitled else "blog"), "json", "application/feed+json", json_doc(items, "1" if k == 3 else "1.1", item_fn=fn), items)

# JSON Feed producer mistakes (one field wrong never loses the feed).
mist = [
    ("tags-string", lambda d, i: d.update(tags="politique, économie")),
    ("author-string", lambda d, i: d.update(author="Rédaction")),
    ("numeric-id", lambda d, i: d.update(id=1000 + i)),
    ("date-no-zone", None),
    ("wrong-types", lambda d, i: d.update(summary=["not", "a", "string"], image=12, attachments={"url": "https://micro.example/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": "123"})),
]
for name, fix in mist:
    items = [item("fr", "mistake.example", i) for i in range(6)]
    def fn(it, i=[0], fix=fix, name=name):
        i[0] += 1
        d = {"id": it["link"], "url": it["link"], "title": it["title"], "content_html": "<p>" + it["text"] + "</p>", "date_published": rfc3339(it["date"])}
        if name == "date-no-zone":
            d["date_published"] = it["date"].strftime("%Y-%m-%dT%H:%M:%S")
        elif fix:
            fix(d, i[0])
        return d
    add("jsonfeed-mistake-" + name, "json", "application/json", json_doc(items, item_fn=fn), items, "producer mistake: " + name)
add("jsonfeed-mistake-no-items", "json", "application/feed+json", json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Nothing yet"}), [], "items missing: an empty feed, not an error")

# ---------------------------------------------------------------- RSS 0.91 / 0.92
for k in range(4):
    items = [item("en", "old%d.example" % k, i) for i in range(4)]
    for it in items:
        it["date_exp"] = "first-seen"
    def x(it):
        return "<item><title>%s</title><link>%s</link><description>%s</description></item>\n" % (esc(it["title"]), it["link"], esc(it["text"]))
    decl = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">' if k % 2 == 0 else '<?xml version="1.0"?>'
    add("rss091", "xml", "text/xml", rss_doc(items, x, "Old", "https://old%d.example/" % k, "", "<language>en-us</language>", decl, "0.91"), items,
        "RSS 0.91 items carry no date: first seen", encoding="iso-8859-1")
for k in range(4):
    items = [item("en", "old92-%d.example" % k, i) for i in range(4)]
    items[-1]["skip"] = True  # an item with nothing: no title, link, text or enclosure
    def x(it):
        if it.get("skip"):
            return "<item><category>misc</category></item>\n"
        return "<item><title>%s</title><link>%s</link><description>%s</description><enclosure url=\"https://old.example/%d.mp3\" length=\"1000\" type=\"audio/mpeg\"/><source url=\"https://src.example/rss\">Src</source></item>\n" % (
            esc(it["title"]), it["link"], esc(it["text"]), uniq())
    for it in items:
        it["date_exp"] = "first-seen"
    add("rss092", "xml", "text/xml", rss_doc(items, x, "Old 0.92", "https://old92.example/", "", "", '<?xml version="1.0"?>', "0.92"), items,
        "one empty item is skipped by design")

# ---------------------------------------------------------------- RSS 1.0 (RDF)
for k in range(5):
    host = "rdf%d.example" % k
    items = [item("en", host, i) for i in range(4)]
    seq_ = "".join('<rdf:li rdf:resource="%s"/>' % it["link"] for it in items)
    body = ('<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<channel rdf:about="https://%s/"><title>RDF</title><link>https://%s/</link><description>d</description><items><rdf:Seq>%s</rdf:Seq></items></channel>\n' % (host, host, seq_))
    for it in items:
        body += ('<item rdf:about="%s"><title>%s</title><link>%s</link><description>%s</description><dc:date>%s</dc:date><dc:creator>Slash</dc:creator></item>\n'
                 % (it["link"], esc(it["title"]), it["link"], esc(it["text"]), rfc3339(it["date"], [0, 60, -300, 0, 120][k])))
    body += "</rdf:RDF>\n"
    add("rss10-rdf", "xml", "application/rdf+xml", body, items, "dates in dc:date")

# ---------------------------------------------------------------- Atom 0.3
for k in range(4):
    host = "atom03-%d.example" % k
    items = [item("en", host, i) for i in range(4)]
    body = ('<?xml version="1.0" encoding="utf-8"?>\n<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title><link rel="alternate" type="text/html" href="https://%s/"/><modified>%s</modified>\n' % (host, rfc3339(NOW)))
    for it in items:
        body += ('<entry><title>%s</title><link rel="alternate" type="text/html" href="%s"/><id>tag:%s,2026:%d</id><issued>%s</issued><modified>%s</modified>'
                 '<content type="text/html" mode="escaped">%s</content></entry>\n' % (esc(it["title"]), it["link"], host, uniq(), rfc3339(it["date"]), rfc3339(it["date"]), esc("<p>" + it["text"] + "</p>")))
    body += "</feed>\n"
    add("atom03", "xml", "application/atom+xml", body, items)

# ---------------------------------------------------------------- Atom 1.0: xml:base, xhtml, text titles, relative links
for k in range(5):
    host = "atom%d.example" % k
    items = [item("en", host, i) for i in range(4)]
    base = "https://%s/blog/" % host
    for j, it in enumerate(items):
        it["rel"] = "posts/%d-%s" % (uniq(), j)
        it["link_exp"] = base + it["rel"]
    items[0]["title"] = "Use a &lt;div&gt; here, not a &lt;table&gt;"; items[0]["title_exp"] = "Use a <div> here, not a <table>"; items[0]["ttype"] = "text"
    items[1]["title"] = "&lt;b&gt;Bold&lt;/b&gt; &amp;amp; brave"; items[1]["title_exp"] = "Bold & brave"; items[1]["ttype"] = "html"
    items[2]["title"] = '<div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> title</div>'; items[2]["title_exp"] = "An xhtml title"; items[2]["ttype"] = "xhtml"
    def x(it):
        tt = it.get("ttype")
        ta = ' type="%s"' % tt if tt else ""
        t = it["title"] if tt else esc(it["title"])
        return ('<entry><id>urn:uuid:%08d-0000-4000-8000-000000000000</id><title%s>%s</title><link href="%s"/><updated>%s</updated>'
                '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>%s</p><p><a href="../about">about</a></p></div></content></entry>\n'
                % (uniq(), ta, t, it["rel"], rfc3339(it["date"], 60), esc(it["text"])))
    add("atom10-xmlbase", "xml", "application/atom+xml", atom_doc(items, x, "Atom %d" % k, "", '<link href="https://%s/"/>' % host, base), items,
        "relative links under xml:base; text, html and xhtml titles")

# ---------------------------------------------------------------- Encodings with and without a declaration
enc_cases = [
    ("utf8-nodecl", "utf-8", "", "application/rss+xml"),
    ("utf8-bom", "utf-8-sig", '<?xml version="1.0" encoding="utf-8"?>', "application/rss+xml"),
    ("latin1-header-only", "iso-8859-1", '<?xml version="1.0"?>', "application/rss+xml; charset=ISO-8859-1"),
    ("cp1252-undeclared", "windows-1252", "", "application/rss+xml"),
    ("utf16le-bom", "utf-16", '<?xml version="1.0" encoding="UTF-16"?>', "application/xml"),
    ("utf16be-bom", "utf-16-be-bom", '<?xml version="1.0" encoding="UTF-16"?>', "application/xml"),
    ("latin1-declared-header-wrong", "iso-8859-1", '<?xml version="1.0" encoding="ISO-8859-1"?>', "text/xml; charset=utf-8"),
    ("koi8r", "koi8-r", '<?xml version="1.0" encoding="KOI8-R"?>', "application/rss+xml"),
    ("shift-jis", "shift_jis", '<?xml version="1.0" encoding="Shift_JIS"?>', "application/rss+xml"),
    ("utf8-declared-latin1-header", "utf-8", '<?xml version="1.0" encoding="UTF-8"?>', "text/xml; charset=iso-8859-1"),
]
for name, enc, decl, ctype in enc_cases:
    items = [item("en" if enc in ("koi8-r", "shift_jis") else "fr", "enc.example", i) for i in range(3)]
    if enc == "koi8-r":
        items[0]["title"] = items[0]["title_exp"] = "Новости дня " + str(uniq())
    elif enc == "shift_jis":
        items[0]["title"] = items[0]["title_exp"] = "今日のニュース " + str(uniq())
    else:
        items[0]["title"] = items[0]["title_exp"] = "Élection à Montréal : « déjà » réglée " + str(uniq())
    def x(it):
        return "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>\n" % (esc(it["title"]), it["link"], rfc822(it["date"]), esc(it["text"]))
    text = rss_doc(items, x, "Encodage", "https://enc.example/", "", "", decl)
    if enc == "utf-16-be-bom":
        body = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        body = text.encode(enc)
    add("encoding-" + name, "xml", ctype, body, items, "encoding: " + name)

# ---------------------------------------------------------------- The mistakes of issue 13
# DOCTYPE with plain internal entities (CMS exports).
for k in range(3):
    items = [item("fr", "cms-export.example", i) for i in range(3)]
    items[0]["title"] = "Caf&eacute;&nbsp;: l&rsquo;&eacute;t&eacute; " + str(uniq()); items[0]["title_exp"] = "Café : l’été " + items[0]["title"].split()[-1]
    def x(it):
        return "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s&nbsp;&mdash; fin</description></item>\n" % (
            it["title"] if "&" in it["title"] else esc(it["title"]), it["link"], rfc822(it["date"]), esc(it["text"]))
    decl = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [\n<!ENTITY nbsp "&#160;">\n<!ENTITY eacute "&#233;">\n<!ENTITY rsquo "&#8217;">\n<!ENTITY mdash "&#8212;">\n]>')
    add("doctype-entities", "xml", "application/rss+xml", rss_doc(items, x, "Export", "https://cms-export.example/", "", "", decl), items, "DOCTYPE declares HTML entities")

# C1 control characters: windows-1252 text decoded as Latin-1, or written as references.
for k in range(3):
    items = [item("fr", "c1.example", i) for i in range(3)]
    n = str(uniq())
    if k == 0:
        items[0]["title"] = "Le march\u00e9 n\u0092est pas ouvert " + n      # raw U+0092 in UTF-8
    elif k == 1:
        items[0]["title"] = "Le march&#233; n&#146;est pas ouvert " + n      # a reference to a C1 control
    else:
        items[0]["title"] = "\u0093Oui\u0094 dit le maire \u0096 " + n
    items[0]["title_exp"] = {0: "Le marché n’est pas ouvert " + n, 1: "Le marché n’est pas ouvert " + n, 2: "“Oui” dit le maire – " + n}[k]
    def x(it):
        t = it["title"] if "&#" in it["title"] else esc(it["title"])
        return "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>\n" % (t, it["link"], rfc822(it["date"]), esc(it["text"]))
    add("c1-controls", "xml", "application/rss+xml", rss_doc(items, x, "C1", "https://c1.example/"), items, "C1 controls read as windows-1252")

# Truncated documents: the items complete before the cut are kept.
for k in range(4):
    items = [item("en", "cut%d.example" % k, i) for i in range(5)]
    def x(it):
        return "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><guid>%s</guid><description>%s</description></item>\n" % (esc(it["title"]), it["link"], rfc822(it["date"]), it["guid"], esc(it["text"]))
    text = rss_doc(items, x, "Cut", "https://cut.example/")
    keep = 2 + k % 3
    marker = "<item><title>%s" % esc(items[keep]["title"])
    cut = text.index(marker) + len(marker) - 3 - k
    for it in items[keep:]:
        it["skip"] = True
    add("truncated", "xml", "application/rss+xml", text[:cut], items, "cut inside item %d: %d complete items kept" % (keep + 1, keep))

# Empty hrefs and fragment permalinks (issue 12, rule 2).
items = [item("en", "frag.example", i) for i in range(5)]
for j, it in enumerate(items):
    it["link"] = it["link_exp"] = "https://frag.example/2026/long-read#part-%d" % (j + 1)
items[4]["link"] = "https://frag.example/2026/other#xtor=RSS-3"; items[4]["link_exp"] = "https://frag.example/2026/other"
def x(it):
    return "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>\n" % (esc(it["title"]), it["link"], rfc822(it["date"]), esc(it["text"]))
add("fragment-permalinks", "xml", "application/rss+xml", rss_doc(items, x, "Frag", "https://frag.example/"), items, "links differing only by a fragment are different items; a tracking fragment is removed")
items = [item("en", "emptyhref.example", i) for i in range(3)]
items[1]["link"] = ""; items[1]["link_exp"] = ""
def x(it):
    return '<entry><id>urn:e:%d</id><title>%s</title><link href="%s"/><updated>%s</updated><summary>%s</summary></entry>\n' % (uniq(), esc(it["title"]), it["link"], rfc3339(it["date"]), esc(it["text"]))
add("atom-empty-href", "xml", "application/atom+xml", atom_doc(items, x, "Empty href", "", '<link href="https://emptyhref.example/"/>', "https://emptyhref.example/"), items,
    'an empty href="" is no link, never the feed\'s own URL')

# Dates: far future (becomes first seen), a few hours ahead (kept), late items.
items = [item("en", "dates.example", i) for i in range(4)]
items[0]["date"] = NOW + timedelta(days=30); items[0]["date_exp"] = "first-seen"
items[1]["date"] = NOW + timedelta(hours=5); items[1]["date_exp"] = utc(items[1]["date"])
items[2]["date"] = NOW - timedelta(days=5); items[2]["date_exp"] = utc(items[2]["date"])
items[3]["date"] = datetime(1970, 1, 1, tzinfo=timezone.utc); items[3]["date_exp"] = "first-seen"
def x(it):
    return "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>\n" % (esc(it["title"]), it["link"], rfc822(it["date"]), esc(it["text"]))
add("dates-edge", "xml", "application/rss+xml", rss_doc(items, x, "Dates", "https://dates.example/"), items,
    "a date a month ahead or at the epoch becomes first seen; five hours ahead and five days late are kept")

# Host case, default ports and tracking in links.
items = [item("fr", "QUOTIDIEN.example", i) for i in range(3)]
for it in items:
    it["link_exp"] = it["link"].replace("QUOTIDIEN.example", "quotidien.example")
    it["link"] = it["link"].replace("https://QUOTIDIEN.example", "HTTPS://QUOTIDIEN.example:443") + "?utm_campaign=rss&fbclid=abc"
add("links-uncanonical", "xml", "application/rss+xml", rss_doc(items, x, "Quotidien", "https://quotidien.example/"), items, "links published in their cleaned form")

# ---------------------------------------------------------------- write
shutil.rmtree(os.path.join(OUT, "feeds"), ignore_errors=True)
shutil.rmtree(os.path.join(OUT, "expect"), ignore_errors=True)
os.makedirs(os.path.join(OUT, "feeds"))
os.makedirs(os.path.join(OUT, "expect"))
for fname, ctype, body, exp in fixtures:
    with open(os.path.join(OUT, "feeds", fname), "wb") as f:
        f.write(body)
    with open(os.path.join(OUT, "expect", fname.rsplit(".", 1)[0] + ".json"), "w") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write("\n")
print("%d feeds, %d items" % (len(fixtures), sum(e["count"] for _, _, _, e in fixtures)))
