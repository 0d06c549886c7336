<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an Atom or RSS feed of newsdesk as a readable page in a browser.
     Feed readers ignore it. Item content is never shown as markup: the
     summaries newsdesk writes are plain text escaped once for HTML, so
     disable-output-escaping only undoes that escaping (where supported). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="atom:feed/atom:title | rss/channel/title"/>
    <xsl:variable name="self" select="atom:feed/atom:link[@rel='self']/@href | rss/channel/atom:link[@rel='self']/@href"/>
    <xsl:variable name="home" select="atom:feed/atom:link[@rel='alternate']/@href | rss/channel/link"/>
    <html>
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <link rel="stylesheet" href="{concat(substring-before($self, '/feeds/'), '/static/style.css')}"/>
      </head>
      <body>
        <header>
          <h1><xsl:value-of select="$title"/></h1>
          <xsl:if test="string(atom:feed/atom:subtitle | rss/channel/description)">
            <p><xsl:value-of select="atom:feed/atom:subtitle | rss/channel/description"/></p>
          </xsl:if>
        </header>
        <section class="subscribe">
          <h2>How to subscribe</h2>
          <p>This page is a news feed. To follow it, copy its address into a feed
            reader (NetNewsWire, Feedly, Thunderbird, newsboat…), or use your
            reader's "add subscription" button with this page open.</p>
          <p><code><xsl:value-of select="$self"/></code></p>
          <p><a href="{$home}">Open the web page of this section</a></p>
        </section>
        <main>
          <h2>Latest items</h2>
          <ol class="items">
            <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="meta">
        <xsl:value-of select="atom:source/atom:title"/>
        <xsl:text> · </xsl:text>
        <xsl:value-of select="substring(atom:published, 1, 10)"/>
      </p>
      <p><xsl:value-of select="atom:summary" disable-output-escaping="yes"/></p>
    </li>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p class="meta">
        <xsl:value-of select="source"/>
        <xsl:text> · </xsl:text>
        <xsl:value-of select="pubDate"/>
      </p>
      <p><xsl:value-of select="description" disable-output-escaping="yes"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
