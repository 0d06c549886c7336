package article

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Forum threads. A thread page of a bulletin board (phpBB, PunBB, FluxBB,
// SMF, Moodle's forums) is an opening post, which is the article, and the
// replies under it. Each post has its subject line, the opening post's the
// thread's title again, a reply's the same title after "Re:". Around the
// posts the board writes its counters: the thread's pages and post count,
// who is reading it, how long the page took to generate. Neither the
// replies nor the counters are the text; readability keeps them when it
// takes the thread's container for the article's, and a thread of posts
// that holds the opening post is not a readers' thread to drop whole
// (postThread).

// replySubjectRe is a reply's subject line: "Re: Title", "RE : Title",
// "Re[2]: Title"; the title is in the group.
var replySubjectRe = regexp.MustCompile(`(?i)^re\s*(?:\[[0-9]+\]|\([0-9]+\))?\s*:\s*(.+)$`)

// postSubjects finds the subject lines of a thread's posts: the headings
// (h2 to h6) that repeat the headline, the opening post's (openings), or
// say "Re:" before it, the replies' (replies). The headline itself is
// neither. A reply's subject may be cut short, to four words at least.
func postSubjects(body, headline *html.Node) (openings, replies []*html.Node) {
	if headline == nil || !isHeading(headline) {
		return nil, nil
	}
	want := strings.Join(foldWords(textOf(headline)), " ")
	if want == "" {
		return nil, nil
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c == headline || !isHeading(c) || c.DataAtom == atom.H1 {
				walk(c)
				continue
			}
			t := normText(c)
			if strings.Join(foldWords(t), " ") == want {
				openings = append(openings, c)
			} else if m := replySubjectRe.FindStringSubmatch(t); m != nil {
				got := foldWords(m[1])
				if s := strings.Join(got, " "); s == want || len(got) >= 4 && strings.HasPrefix(want, s+" ") {
					replies = append(replies, c)
				}
			}
		}
	}
	walk(body)
	return openings, replies
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// holding counts the nodes of list that are n or inside it.
func holding(n *html.Node, list []*html.Node) int {
	count := 0
	for _, s := range list {
		if s == n || isAncestor(n, s) {
			count++
		}
	}
	return count
}

// replyPost reports whether n is one reply of a thread: it holds one
// reply's subject line and no other subject, an element beside it holds a
// post's subject too (n is a post among posts, not the thread), and it is
// not the article. The reply goes whole, with its header (number, date,
// "Réponse de …"), its poster's profile, its quote of another post and
// its signature.
func (pg *pageCtx) replyPost(n *html.Node) bool {
	if len(pg.replies) == 0 || holding(n, pg.replies) != 1 || holding(n, pg.openings) != 0 || !pg.notArticle(n, false) {
		return false
	}
	for _, s := range []*html.Node{prevElement(n), nextElement(n)} {
		if s != nil && holding(s, pg.replies)+holding(s, pg.openings) > 0 {
			return true
		}
	}
	return false
}

var (
	// threadPagesRe is a thread's pages: "Pages : 1", "Pages: 1 2 3 …
	// 9 Next", "Page 1 of 3", "Page 2 sur 5". A count of pages that does
	// not start at 1 ("Pages : 320") is a book's.
	threadPagesRe = regexp.MustCompile(`(?i)^(?:pages?\s*:?\s*(?:1|[0-9]+(?:\s+(?:[0-9]+|…|\.\.\.))+)(?:\s+(?:[0-9]+|…|\.\.\.))*(?:\s+(?:suivante?|next|»|›))?|page\s+[0-9]+\s+(?:of|sur|de|/)\s+[0-9]+)$`)
	// threadPostsRe is a thread's count of posts as a board writes it:
	// "Messages [ 3 ]", "Posts (12)"; bare ("3 posts", "12 réponses"),
	// only beside the thread's pages.
	threadPostsRe = regexp.MustCompile(`(?i)^(?:(?:messages|posts|réponses|replies)\s*[\[(]\s*[0-9]+\s*[\])]|[0-9]+\s+(?:messages|posts|réponses|replies))$`)
	// onlineUsersRe is a board's line of who is reading: "Utilisateurs en
	// ligne dans cette discussion : 1 membre, 4 invités", "Users browsing
	// this forum: No registered users and 2 guests".
	onlineUsersRe = regexp.MustCompile(`(?i)^(?:currently active )?(?:utilisateurs?|membres?|visiteurs?|users?|members?)\s+(?:en ligne|connectés?|parcourant|online|browsing|viewing)[^.!?]{0,60}:\s*[^.!?]{0,80}(?:invités?|visiteurs?|guests?|visitors?)\)?$`)
	// boardSepRe splits a board's line of counters.
	boardSepRe = regexp.MustCompile(`\s+[•·|]\s+`)
	// generatedInRe is a board's or a CMS's debug line: "[ Généré en
	// 0.018 secondes, 9 requêtes exécutées … ]", "Page generated in 0.12
	// seconds", timed to the millisecond; a sentence telling how long a
	// thing took gives whole seconds or more.
	generatedInRe = regexp.MustCompile(`(?i)^\[?\s*(?:page\s+)?(?:générée?|generated|rendered|created|built)\s+(?:en|in)\s+(?:[0-9]+[.,][0-9]+\s*(?:s|secs?|seconds?|secondes?)|[0-9]+\s*(?:ms|millisecondes?|milliseconds?))(?:$|[^\p{L}])`)
)

// boardLine reports whether a line (its words, spaces folded) is one of a
// board's counters: the thread's pages and post count (alone or together,
// "3 posts • Page 1 of 1"), who is reading it, the time the page took.
func boardLine(raw string) bool {
	if len(strings.Fields(raw)) > 24 {
		return false
	}
	if onlineUsersRe.MatchString(raw) || generatedInRe.MatchString(raw) {
		return true
	}
	counted := false
	for _, s := range boardSepRe.Split(raw, -1) {
		switch s = strings.TrimSpace(s); {
		case threadPagesRe.MatchString(s), threadPostsRe.MatchString(s) && strings.ContainsAny(s, "[("):
			counted = true
		case threadPostsRe.MatchString(s):
		default:
			return false
		}
	}
	return counted
}

// A board without subject lines (Invision Community, vBulletin 5, XenForo)
// lists its posts as siblings of one kind, each with its poster's pane,
// in a container its classes name a comment feed or a widget: the class
// rules, and readability's, would drop the opening post with the replies.

// posterMarkRe is a class token of a post's poster pane.
var posterMarkRe = regexp.MustCompile(`(?i)author|userinfo|user-info|username|poster|postprofile|user-details|userdetails|message-user|postbit|avatar`)

// threadPosts returns the posts of a thread that is the page's text: two
// or more sibling elements of one tag and first class token (or of one
// tag sharing a class token with the first: sharedPostClass), each opening
// on its poster's pane (posterPane), the first
// holding at least half of the page's runs of prose (proseRuns), three or
// more. The first is the opening post, the article; the others are the
// replies. A blog's comments follow an article outside them, and their
// first is never half of the page. Nil when the page has no such thread.
func threadPosts(body *html.Node, runs int) (first *html.Node, replies []*html.Node) {
	if runs < 3 {
		return nil, nil
	}
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		var kind string
		var posts []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			k := c.Data
			if f := strings.Fields(attr(c, "class")); len(f) > 0 {
				k += "." + f[0]
			}
			if posterPane(c) && (kind == "" || k == kind || len(posts) > 0 && c.Data == posts[0].Data && sharedPostClass(c, posts[0])) {
				kind = k
				posts = append(posts, c)
			}
		}
		if len(posts) >= 2 && 2*proseRuns(posts[0], runs) >= runs {
			first, replies = posts[0], posts[1:]
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && walk(c) {
				return true
			}
		}
		return false
	}
	walk(body)
	return first, replies
}

// sharedPostClass reports whether two posts share a class token of
// their kind, one with no digit in it: bbPress classes the opening post
// "topic … post … hentry" and each reply "reply … post … hentry".
func sharedPostClass(a, b *html.Node) bool {
	for _, t := range strings.Fields(attr(a, "class")) {
		if !strings.ContainsAny(t, "0123456789") && hasToken(attr(b, "class"), t) {
			return true
		}
	}
	return false
}

// posterPane reports whether a post opens on its poster's pane: the
// post's first words are in an element marked as the author's
// (itemprop="author", or a class naming a poster or an avatar:
// posterMarkRe), as a board writes each post (name, rank, avatar, then
// the message; NodeBB's avatar shows the poster's initial). A text's
// author box comes after it.
func posterPane(post *html.Node) bool {
	first := firstWords(post)
	for p := first; p != nil && p != post; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		if attr(p, "itemprop") == "author" {
			return true
		}
		for _, tok := range strings.Fields(attr(p, "class")) {
			if posterMarkRe.MatchString(tok) {
				return true
			}
		}
	}
	return false
}

// firstWords returns n's first text node holding words, scripts and
// styles aside; nil when none.
func firstWords(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return c
		case c.Type == html.ElementNode && c.DataAtom != atom.Script && c.DataAtom != atom.Style:
			if f := firstWords(c); f != nil {
				return f
			}
		}
	}
	return nil
}

// proseRuns counts, up to limit, n's runs of prose: paragraphs of twelve
// words or more, mostly not links, and runs of text of twelve words or
// more written straight in a box between <br>s (a board's post).
func proseRuns(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode && n.DataAtom != atom.A && n.DataAtom != atom.Script && n.DataAtom != atom.Style && len(strings.Fields(c.Data)) >= 12:
				count++
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.P:
				if wordCount(c) >= 12 && linkShare(c) < 0.5 {
					count++
				}
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return count
}

// keepOpeningPost makes the opening post of a thread (threadPosts) the
// text: it and its containers lose the class and id that would name them
// a comment feed or a widget (its own parts keep theirs: the poster's
// pane, the tools still go). It returns the opening post, nil when the
// page has no such thread, and what to drop: the replies, and the
// poster's signature (a box classed "signature", at most 40 words).
func keepOpeningPost(body *html.Node, runs int) (first *html.Node, drop []*html.Node) {
	first, replies := threadPosts(body, runs)
	if first == nil {
		return nil, nil
	}
	for p := first; p != nil && p != body; p = p.Parent {
		dropClassID(p)
		// NodeBB marks every post, the opening one too, a Comment
		p.Attr = slices.DeleteFunc(p.Attr, func(a html.Attribute) bool { return a.Key == "itemprop" || a.Key == "itemtype" })
	}
	// The poster's signature under the opening post (phpBB's and Simple
	// Machines' "signature"), the same under each of the poster's posts.
	var sigs []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if hasToken(attr(c, "class"), "signature") && !wordsOver(c, 40) {
				sigs = append(sigs, c)
				continue
			}
			walk(c)
		}
	}
	walk(first)
	return first, append(replies, sigs...)
}
