package article

import (
	"strings"
	"testing"
)

// Threads of a bulletin board in French and in English in PunBB's and
// FluxBB's shape (a <title> that goes on with the page number and the
// forum's path, a board notice in an <h1> above the topic's, the posts'
// subject lines in <h4>, the profile's "Inscription :" or "Registered:")
// and in English in phpBB's (the board's name in the <h1>, the topic's
// title in an <h2>, "3 posts • Page 1 of 1", a signature box), each with
// an opening post and two replies. Fixtures in other words than the page that showed the class
// (../testdata/heldout19: punbb-fr).
const (
	forumPageFr = `<html><head><meta charset="utf-8"><title>Sortie raquettes du 9 janvier : inscriptions ouvertes (Page 1) / Sorties du club / Forum des Randonneurs du Trièves</title></head><body>
<div id="brd-wrap"><div id="brd-head"><p id="brd-title"><a href="/index.php">Forum des Randonneurs du Trièves</a></p></div>
<div id="brd-announcement" class="gen-content"><h1 class="hn"><span>Avis</span></h1><div class="content">Le local sera fermé du 24 au 31 décembre.</div></div>
<div id="brd-main"><h1 class="main-title"><a href="/viewtopic.php?id=88">Sortie raquettes du 9 janvier : inscriptions ouvertes</a></h1>
<div class="main-pagepost gen-content"><p class="paging"><span class="pages">Pages :</span> <strong>1</strong></p></div>
<div class="main-head"><h2 class="hn"><span>Messages [ 3 ]</span></h2></div>
<div id="forum4" class="main-content main-topic">
<div class="post odd firstpost topicpost"><div class="posthead"><h3 class="hn post-ident"><span class="post-num">1</span> <span class="post-byline">Sujet de <strong>Odile_R</strong></span> <span class="post-link"><a href="/viewtopic.php?pid=901#p901">2026-12-01 20:12:40</a></span></h3></div>
<div class="postbody"><div class="post-author"><ul class="author-ident"><li class="username"><strong>Odile_R</strong></li><li class="usertitle"><span>Modératrice</span></li></ul><ul class="author-info"><li><span>Inscription : <strong>2015-06-02</strong></span></li><li><span>Messages : <strong>812</strong></span></li></ul></div>
<div class="post-entry"><h4 class="entry-title hn">Sortie raquettes du 9 janvier : inscriptions ouvertes</h4><div class="entry-content">
<p>Bonsoir à tous,</p>
<p>La première sortie raquettes de l'hiver partira le samedi 9 janvier du parking du col de Menée, à huit heures, si la neige est au rendez-vous. Nous monterons au pas du Jocou par la forêt domaniale, puis redescendrons par les chalets de l'Essaure.</p>
<p>Le dénivelé reste modeste, environ six cents mètres, mais la journée est longue : comptez six heures de marche avec les pauses. Les raquettes peuvent être louées au club pour trois euros, à réserver avant le mercredi soir auprès de Bernard.</p>
<p>Pensez aux guêtres, à une seconde paire de gants et à un thermos : le pique-nique se prendra dehors, à l'abri des pins, sauf si le vent souffle trop fort sur la crête.</p>
<p>Bonne fin de semaine,<br>Odile</p>
</div><div class="sig-content"><span class="sig-line"></span>Trente ans de Trièves à pied, et toujours pas lassée</div></div></div></div>
<div class="post even replypost"><div class="posthead"><h3 class="hn post-ident"><span class="post-num">2</span> <span class="post-byline">Réponse de <strong>Marc38</strong></span> <span class="post-link"><a href="/viewtopic.php?pid=904#p904">2026-12-02 08:03:11</a></span></h3></div>
<div class="postbody"><div class="post-author"><ul class="author-info"><li><span>Inscription : <strong>2019-01-15</strong></span></li><li><span>Messages : <strong>96</strong></span></li></ul></div>
<div class="post-entry"><h4 class="entry-title hn">Re : Sortie raquettes du 9 janvier : inscriptions ouvertes</h4><div class="entry-content"><div class="quotebox"><cite>Odile_R a écrit :</cite><blockquote><p>Les raquettes peuvent être louées au club</p></blockquote></div><p>Je retiens deux paires pour mes neveux, qui découvrent la montagne en hiver cette année.</p></div></div></div></div>
<div class="post odd replypost lastpost"><div class="posthead"><h3 class="hn post-ident"><span class="post-num">3</span> <span class="post-byline">Réponse de <strong>Suzon</strong></span></h3></div>
<div class="postbody"><div class="post-entry"><h4 class="entry-title hn">Re : Sortie raquettes du 9 janvier : inscriptions ouvertes</h4><div class="entry-content"><p>Je peux emmener trois personnes depuis Mens en voiture, départ à sept heures devant la poste.</p></div></div></div></div>
</div>
<div class="main-foot"><h2 class="hn"><span>Messages [ 3 ]</span></h2></div>
<div class="main-pagepost gen-content"><p class="paging"><span class="pages">Pages :</span> <strong>1</strong></p></div>
<div id="brd-stats" class="gen-content"><h2 class="hn"><span>Statistiques de la discussion</span></h2><p>Utilisateurs en ligne dans cette discussion : 2 membres, 7 invités</p></div>
</div>
<div id="brd-debug" class="gen-content"><p id="querytime">[ Généré en 0.031 secondes, 11 requêtes exécutées ]</p></div>
</div></body></html>`

	forumPageBoardEn = `<html><head><meta charset="utf-8"><title>Spring clean of the reading room: helpers needed (Page 1) / Club news / Harwick Model Engineers</title></head><body>
<div id="brd-wrap"><div id="brd-head"><p id="brd-title"><a href="/index.php">Harwick Model Engineers</a></p></div>
<div id="brd-announcement" class="gen-content"><h1 class="hn"><span>Notice</span></h1><div class="content">Subscriptions for 2027 are due by the end of January.</div></div>
<div id="brd-main"><h1 class="main-title"><a href="/viewtopic.php?id=51">Spring clean of the reading room: helpers needed</a></h1>
<div class="main-pagepost gen-content"><p class="paging"><span class="pages">Pages:</span> <strong>1</strong></p></div>
<div class="main-head"><h2 class="hn"><span>Posts [ 3 ]</span></h2></div>
<div id="forum7" class="main-content main-topic">
<div class="post odd firstpost topicpost"><div class="posthead"><h3 class="hn post-ident"><span class="post-num">1</span> <span class="post-byline">Topic by <strong>Hilda_W</strong></span> <span class="post-link"><a href="/viewtopic.php?pid=610#p610">2026-12-01 19:40:02</a></span></h3></div>
<div class="postbody"><div class="post-author"><ul class="author-ident"><li class="username"><strong>Hilda_W</strong></li><li class="usertitle"><span>Secretary</span></li></ul><ul class="author-info"><li><span>Registered: <strong>2011-04-09</strong></span></li><li><span>Posts: <strong>1377</strong></span></li></ul></div>
<div class="post-entry"><h4 class="entry-title hn">Spring clean of the reading room: helpers needed</h4><div class="entry-content">
<p>Evening all,</p>
<p>The committee would like to clear out the reading room over the weekend of 13 and 14 March, before the new shelving arrives from the joiner. Thirty years of magazines, drawings and catalogues have piled up on every flat surface, and the floor under the bay window has not been seen since the last clean.</p>
<p>We shall sort everything into three heaps: what the library keeps, what goes to the swap table at the open day, and what goes for recycling. Peter has offered his van for the recycling run, and the drawings will be scanned before anything leaves the building.</p>
<p>Tea, biscuits and a bacon roll at eleven are on the club, as usual. Please wear old clothes, because the top shelves have not been dusted in living memory.</p>
<p>Many thanks,<br>Hilda</p>
</div><div class="sig-content"><span class="sig-line"></span>Still building the Tich, one rivet at a time</div></div></div></div>
<div class="post even replypost"><div class="posthead"><h3 class="hn post-ident"><span class="post-num">2</span> <span class="post-byline">Reply by <strong>Gordon</strong></span> <span class="post-link"><a href="/viewtopic.php?pid=613#p613">2026-12-02 09:15:48</a></span></h3></div>
<div class="postbody"><div class="post-author"><ul class="author-info"><li><span>Registered: <strong>2018-10-30</strong></span></li><li><span>Posts: <strong>204</strong></span></li></ul></div>
<div class="post-entry"><h4 class="entry-title hn">Re: Spring clean of the reading room: helpers needed</h4><div class="entry-content"><div class="quotebox"><cite>Hilda_W wrote:</cite><blockquote><p>the drawings will be scanned</p></blockquote></div><p>I can bring the flatbed scanner from work for the Saturday, it takes drawings up to A3 without folding them.</p></div></div></div></div>
<div class="post odd replypost lastpost"><div class="posthead"><h3 class="hn post-ident"><span class="post-num">3</span> <span class="post-byline">Reply by <strong>Anwen</strong></span></h3></div>
<div class="postbody"><div class="post-entry"><h4 class="entry-title hn">Re: Spring clean of the reading room: helpers needed</h4><div class="entry-content"><p>Put me down for the Sunday morning; I will bring boxes from the supermarket.</p></div></div></div></div>
</div>
<div class="main-foot"><h2 class="hn"><span>Posts [ 3 ]</span></h2></div>
<div class="main-pagepost gen-content"><p class="paging"><span class="pages">Pages:</span> <strong>1</strong></p></div>
<div id="brd-stats" class="gen-content"><h2 class="hn"><span>Topic statistics</span></h2><p>Users online in this topic: 1 member, 6 guests</p></div>
</div>
<div id="brd-debug" class="gen-content"><p id="querytime">[ Generated in 0.027 seconds, 10 queries executed ]</p></div>
</div></body></html>`

	forumPageEn = `<html><head><meta charset="utf-8"><title>Towpath resurfacing at Mill Lock: volunteers wanted - Canal Friends Forum</title></head><body>
<div id="wrap"><div id="page-header"><div class="headerbar"><h1>Canal Friends Forum</h1><p>Keeping the Basingwell canal afloat since 1994</p></div></div>
<div id="page-body"><h2 class="topic-title"><a href="/viewtopic.php?t=310">Towpath resurfacing at Mill Lock: volunteers wanted</a></h2>
<div class="action-bar bar-top"><div class="pagination">3 posts • Page <strong>1</strong> of <strong>1</strong></div></div>
<div id="p1201" class="post has-profile bg2"><div class="inner">
<dl class="postprofile"><dt><a href="/memberlist.php?u=5">Bert_K</a></dt><dd><strong>Posts:</strong> 412</dd><dd><strong>Joined:</strong> Tue Mar 03, 2015</dd></dl>
<div class="postbody"><h3 class="first"><a href="#p1201">Towpath resurfacing at Mill Lock: volunteers wanted</a></h3>
<div class="content">
<p>The trust has agreed to let us resurface the towpath between Mill Lock and the swing bridge ourselves, using the crushed limestone left over from the winter works at the top of the flight.</p>
<p>We need eight pairs of hands on Saturday 16 January and again on Saturday 23 January, from nine until about three. Wheelbarrows, rakes and a plate compactor come from the trust's depot; bring gloves and boots with toe caps if you have them.</p>
<p>The stretch is a little under four hundred yards, and the worst of it is the puddled section by the old stables, where walkers have been stepping into the hedge since October to keep their feet dry.</p>
<p>Reply here or catch me at the lock cottage on Wednesday evening.</p>
</div>
<div id="sig1201" class="signature">Bert, third generation on the Basingwell</div></div></div></div>
<div id="p1207" class="post has-profile bg1"><div class="inner">
<dl class="postprofile"><dt><a href="/memberlist.php?u=41">Priya_B</a></dt><dd><strong>Posts:</strong> 57</dd><dd><strong>Joined:</strong> Sat Jun 12, 2021</dd></dl>
<div class="postbody"><h3><a href="#p1207">Re: Towpath resurfacing at Mill Lock: volunteers wanted</a></h3>
<div class="content"><blockquote><div><cite>Bert_K wrote:</cite>bring gloves and boots</div></blockquote><p>Count me in for the sixteenth, and my husband has a spare wheelbarrow he can bring along, with the old rake from the allotment that still has most of its teeth.</p><p>Is there parking near the swing bridge, or should we leave the car at the pub and walk up?</p></div></div></div></div>
<div id="p1210" class="post has-profile bg2"><div class="inner">
<div class="postbody"><h3><a href="#p1210">Re: Towpath resurfacing at Mill Lock: volunteers wanted</a></h3>
<div class="content"><p>The scouts could help on the twenty-third if there is a job for twelve-year-olds with rakes, and their leader has done a risk assessment for towpath work before.</p></div></div></div></div>
<div class="action-bar bar-bottom"><div class="pagination">3 posts • Page <strong>1</strong> of <strong>1</strong></div></div>
<div class="stat-block online-list"><h3>Who is online</h3><p>Users browsing this forum: No registered users and 3 guests</p></div>
</div>
<div class="copyright"><p>Page generated in 0.042 seconds</p></div>
</div></body></html>`
)

// TestForumThread: on a thread page the opening post is the article; the
// replies (their header, profile, quote and text), the opening post's
// subject line (the headline again) and signature, the thread's pages and
// post count, who is online and the page's generation time go.
func TestForumThread(t *testing.T) {
	for _, tc := range []struct {
		name, page, headline string
		kept, gone           []string
	}{
		{"punbb fr", forumPageFr, "Sortie raquettes du 9 janvier",
			[]string{"Bonsoir à tous", "La première sortie raquettes", "Le dénivelé reste modeste", "Pensez aux guêtres", "Bonne fin de semaine"},
			[]string{"deux paires pour mes neveux", "a écrit", "depuis Mens en voiture", "Réponse de", "Trente ans de Trièves", "Pages :", "Messages [", "Utilisateurs en ligne", "Statistiques de la discussion", "Généré en"}},
		{"punbb en", forumPageBoardEn, "Spring clean of the reading room",
			[]string{"Evening all", "The committee would like", "three heaps", "Tea, biscuits", "Many thanks"},
			[]string{"flatbed scanner", "wrote:", "boxes from the supermarket", "Reply by", "one rivet at a time", "Pages:", "Posts [", "Users online", "Topic statistics", "Generated in"}},
		{"phpbb en", forumPageEn, "Towpath resurfacing at Mill Lock",
			[]string{"The trust has agreed", "eight pairs of hands", "the puddled section", "catch me at the lock cottage"},
			[]string{"Count me in", "wrote:", "The scouts could help", "third generation on the Basingwell", "3 posts", "Users browsing", "Page generated"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := extractedText(t, tc.page)
			for _, k := range tc.kept {
				if !strings.Contains(text, k) {
					t.Errorf("the opening post lost %q: %q", k, text)
				}
			}
			for _, g := range tc.gone {
				if strings.Contains(text, g) {
					t.Errorf("furniture left %q: %q", g, text)
				}
			}
			if strings.Contains(text, tc.headline) {
				t.Errorf("the subject line, the headline again, left: %q", text)
			}
		})
	}
}

// TestForumLinesElsewhere: out of a thread, a count of pages is a book's,
// and a sentence may tell how long a thing took to generate: the forum
// rules leave them. (A signature class out of a thread is a letter's
// signed closing, which goes as a byline does: TestSignOff.)
func TestForumLinesElsewhere(t *testing.T) {
	for _, tc := range []struct {
		name, box, kept string
	}{
		{"a book's pages fr", `<ul class="fiche"><li>Éditeur : La Fontaine verte</li><li>Pages : 320</li></ul>`, "Pages : 320"},
		{"a sentence on a generator en", `<p>Generated in 40 seconds by a hand-cranked dynamo, the light over the shed lasts the evening and costs the garden nothing at all.</p>`, "hand-cranked dynamo"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkCallout(t, extractedText(t, calloutPage("", tc.box)), "", tc.kept)
		})
	}
}
