package article

import (
	"strings"
	"testing"

	"newsdesk/normalize"
)

// TestFurnitureByWhatItSays: each kind of furniture line goes, wherever it
// sits in the article, while a sentence of the text that says the same
// words stays.
func TestFurnitureByWhatItSays(t *testing.T) {
	para := func(i int) string {
		return "<p>Le syndicat des eaux a présenté mardi son plan de travaux numéro " + string(rune('A'+i)) +
			", qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	}
	for _, tc := range []struct {
		name, furniture, gone, kept string
	}{
		{"update line", `<p class="x">Publié le 20/11/2026 – Mis à jour le 27/11/2026 à 14h05</p>`, "Mis à jour",
			`<p>Le plan, mis à jour le 27 novembre après une réunion publique houleuse, prévoit aussi une hausse du prix de l'eau.</p>`},
		{"update line by", `<div>Last updated 28 November 2026 by the newsroom</div>`, "Last updated", ""},
		{"feedback box", `<div class="x"><p>Cette page vous a-t-elle été utile ?</p><a href="#">Oui</a> <a href="#">Non</a></div>`, "utile",
			`<p>Les usagers ont jugé la page du syndicat utile, selon une enquête menée auprès de huit cents abonnés du réseau.</p>`},
		{"feedback en", `<div><h2>Is this page useful?</h2><button>Yes</button><button>No</button></div>`, "useful", ""},
		{"rating", `<p>Note des lecteurs : 4,2/5 (318 votes)</p>`, "318 votes", ""},
		{"reading time", `<span class="x">Temps de lecture : 9 min</span>`, "Temps de lecture", ""},
		{"tag line", `<div>Mots-clés : <a href="/t/eau">Eau</a> · <a href="/t/travaux">Travaux publics</a></div>`, "Mots-clés", ""},
		{"breadcrumb", `<p>Vous êtes ici : <a href="/">Accueil</a> &gt; <a href="/actu">Actualités</a> &gt; Travaux</p>`, "Vous êtes ici", ""},
		{"tool row", `<div><a href="#">Imprimer</a> | <a href="#">Envoyer par e-mail</a> | <a href="#">Commenter</a></div>`, "Imprimer", ""},
		{"time stamp", `<header><time datetime="2026-11-28T11:42Z">11.42 GMT</time></header>`, "11.42", ""},
		{"slide counter", `<div>3 / 12</div>`, "3 / 12", ""},
		{"consent box", `<div><p>Nous utilisons des cookies pour mesurer l'audience.</p><button>Tout accepter</button><button>Refuser</button></div>`, "cookies",
			`<p>Le site du syndicat, qui n'utilise aucun cookie publicitaire, publie le détail des chantiers rue par rue.</p>`},
		{"sign-up box", `<div><p>Recevez nos alertes travaux chaque semaine.</p><input type="email" placeholder="Votre e-mail"></div>`, "alertes travaux", ""},
		{"table of contents", `<div><p>Sommaire</p><ol><li><a href="#a">Le plan</a></li><li><a href="#b">Le calendrier</a></li></ol></div>`, "Sommaire", ""},
		{"breadcrumb list", `<ol><li><a href="/">Accueil</a></li><li><a href="/actu">Actualités</a></li><li>Travaux</li></ol>`, "Accueil", ""},
		{"ad label", `<div><p>Story continues below advertisement</p></div>`, "continues below", ""},
		{"copyright", `<p>Copyright 2026 Agence Exemple. All rights reserved. This material may not be published or redistributed.</p>`, "rights reserved", ""},
		{"update line and link", `<div>Published 3 March 2026<br>Last updated 28 November 2026 <a href="#h">+ show all updates</a></div>`, "show all updates", ""},
		{"credits", `<p>Reportage : Louise Camus. Réalisation : Pierre Albin.</p>`, "Réalisation", ""},
		{"author box", `<div class="auteur-encart"><p>Claire Dupuis suit l'environnement et les services publics locaux depuis douze ans.</p></div>`, "douze ans", ""},
		{"call to subscribe", `<div class="encadre"><p>Vous aimez nos pages ? Abonnez-vous à notre lettre pour les recevoir chaque semaine.</p></div>`, "Abonnez-vous",
			`<p>Vous aimez nos plages ? Alors venez les nettoyer samedi avec l'association, qui fournit les gants et les sacs.</p>`},
		{"call en", `<div><p>Enjoying the Gazette? Sign up to get it in your inbox.</p></div>`, "Enjoying", ""},
		{"events callout", `<div class="callout"><div>💡</div><div>New here? Check our events page for the next session.</div></div>`, "New here", ""},
		{"question box", `<div><h3>Une question ?</h3><p>Écrivez-nous, nous répondrons.</p><textarea></textarea></div>`, "Écrivez-nous", ""},
		{"reuse tools", `<div><h4>Contribuer</h4><p>Réutiliser ce contenu</p></div>`, "Contribuer",
			`<p>Les droits d'eau des moulins, anciens de plusieurs siècles, compliquent le chantier sur la rivière.</p>`},
		{"notification prompt", `<p>Ne manquez rien de l'actualité : activez les alertes de notre application.</p>`, "activez",
			`<p>Les habitants peuvent activer les alertes de crue sur le site de la préfecture, gratuitement, depuis l'an dernier.</p>`},
		{"credits and a date", `<p>Texte et photos : Louise Camus · 4 juin 2026</p>`, "Louise Camus", ""},
		{"wire sign-off", `<p>(Reporting by Ana Ruiz; Editing by Tom Hale)</p>`, "Editing by", ""},
		{"bare date line", `<div>March 12, 2026 10:15 AM UTC · Updated 3 hours ago</div>`, "Updated",
			`<p>Le 12 mars 2026, le syndicat a voté le budget des travaux à l'unanimité des délégués présents.</p>`},
		{"alert banner", `<div role="region" aria-label="Alerte info"><p>Info trafic : la rocade est fermée cette nuit entre les portes 4 et 6 pour des travaux.</p></div>`, "rocade", ""},
		{"readers' thread by its title", `<div><h3>Readers respond (2)</h3><p>I have lived on this street for thirty years and the pipes have burst twice, so this plan is long overdue in my view.</p>` +
			`<p>Nobody asked the residents of the lower town what they thought, and the works will close our road for months on end.</p></div>`, "thirty years", ""},
		{"readers' posts", `<div><div><p>Paul a écrit :</p><p>Encore des travaux, et toujours sur la même rue, c'est la troisième fois depuis que j'habite le quartier.</p></div>` +
			`<div><p>Une voisine a écrit :</p><p>Il était temps, l'eau est marron chaque matin depuis l'hiver dernier dans tout notre immeuble.</p></div></div>`, "troisième fois",
			`<p>Le président du syndicat a écrit aux riverains : les coupures d'eau seront annoncées une semaine à l'avance.</p>`},
		// heldout3's classes
		{"poll by its shape", `<div><p>Faut-il rouvrir le bassin nordique ?</p><button>Oui</button><button>Non</button><p>1 203 votes</p></div>`, "bassin nordique",
			`<p>Faut-il rouvrir la piscine l'été ? Le syndicat a posé la question aux habitants lors d'une réunion publique mardi soir.</p>`},
		{"poll by its class", `<div class="Poll_box__a1B2"><div>Should the old pool reopen in summer?</div><div>Yes</div><div>No</div></div>`, "old pool", ""},
		{"poll with radio buttons", `<div><h4>Votre avis : faut-il des compteurs connectés ?</h4><label><input type="radio" name="q"> Oui</label><label><input type="radio" name="q"> Non</label></div>`, "compteurs connectés", ""},
		{"shop box", `<div class="x"><h4>Notre sélection</h4><p>Le kit d'arrosage Vertou, 34,90 €.</p><a href="#">Acheter</a></div>`, "Vertou",
			`<p>Les habitants pourront acheter un récupérateur d'eau à 25 € auprès du syndicat, qui en subventionne la moitié.</p>`},
		{"shop box en", `<div><p>Editor's choice: the Rainkeeper 200-litre butt, $59 at Hardware Hub.</p><a href="#">Check price</a></div>`, "Rainkeeper", ""},
		{"contributors' disclaimer", `<p class="x">Les tribunes publiées n'engagent que leurs auteurs.</p>`, "n'engagent",
			`<p>Les tribunes publiées par le syndicat dans la presse locale n'ont pas convaincu les riverains du bas de la ville.</p>`},
		{"syndication notice", `<div><p>This story was produced as part of a reporting partnership with the Water Desk.</p></div>`, "reporting partnership",
			`<p>The report was published by a parliamentary committee on Tuesday and calls for the pipes to be replaced within ten years.</p>`},
		{"views disclaimer", `<p>The views expressed in this column are the author's own.</p>`, "author's own",
			`<p>The views expressed by residents at the meeting were mixed, with some welcoming the works.</p>`},
		{"tip line", `<p>Vous avez une info à nous transmettre ? Écrivez-nous à redaction@exemple.fr.</p>`, "transmettre",
			`<p>Une information judiciaire a été ouverte ? Non : le syndicat dément toute enquête sur ses marchés de travaux.</p>`},
		{"tip line en", `<div>Got a tip? Message us on Signal.</div>`, "Got a tip",
			`<p>Une histoire ? Non, un fait : le message du maire aux riverains est affiché en mairie depuis lundi.</p>`},
		{"offer box", `<div class="x"><p>Ce reportage vous a plu ? Retrouvez-le dans notre magazine, en vente en kiosque.</p><a href="#">Commander</a></div>`, "Ce reportage vous a plu",
			`<p>Ce projet vous a plu ? C'est la question posée aux habitants, qui ont jusqu'au 30 juin pour répondre au syndicat.</p>`},
		{"free article offer", `<div><p>Cet article vous est offert. Pour lire tous nos articles, abonnez-vous dès 1 €.</p><a href="#">Voir les offres</a></div>`, "vous est offert", ""},
		{"byline and dates", `<div>Par Claire Mercier - Publié aujourd'hui à 08:15 | Mis à jour il y a 3 heures</div>`, "il y a 3 heures", ""},
		{"weather box", `<div><h4>La météo du jour</h4><p>Nantes : 14°C, nuageux</p></div>`, "nuageux", `<h3>Météo</h3>`},
		{"tag field label", `<div><div>Thématiques</div><div><a href="/t/a">Eau</a> <a href="/t/b">Travaux</a></div></div>`, "Thématiques", ""},
		// heldout4's classes
		{"donation appeal", `<div class="x"><p>Notre association ne vit que de vos dons : 10 € financent un mois de permanences.</p><a href="#">Je fais un don</a></div>`, "vos dons",
			`<div><p>La fontaine a été financée par les dons de 212 habitants, dont le syndicat a publié la liste complète en mairie.</p><a href="/liste">Voir la liste</a></div>`},
		{"membership appeal", `<div><h4>Not a member yet?</h4><p>Members get our quarterly report and vote at the annual meeting.</p><a href="#">Join today</a></div>`, "annual meeting",
			`<div><p>Members of the water board voted on Tuesday to publish the quarterly report of the works online.</p><a href="/report">Read the report</a></div>`},
		{"file download line", `<p><a href="/r.pdf">Télécharger le plan de travaux (PDF, 1,4 Mo)</a></p>`, "Télécharger le plan",
			`<p>Le plan complet (PDF, 1,4 Mo) est consultable en mairie et sur le site du syndicat depuis lundi dernier.</p>`},
		{"forum posts with profiles", `<div><div><p>Joined: May 2020 · Posts: 412</p><p>Three years of roadworks on this street already and now the pipes, I will believe the end date when I see it myself.</p></div>` +
			`<div><p>Inscrit le 2 janvier 2024 · Messages : 9</p><p>Enfin une bonne nouvelle pour le bas de la ville, notre eau est marron tous les matins depuis l'hiver dernier.</p></div></div>`, "Three years of roadworks",
			`<p>Membre depuis 2019 du conseil, Paul Morin rappelle les chiffres du syndicat, messages : 1 200 par an, plaintes : 40.</p>`},
		{"byline, date and reading time", `<div class="x">Par Odile Ferrand · Mis à jour le 6 mars 2026 · Temps de lecture : 5 min</div>`, "Temps de lecture",
			`<p>Par temps de pluie, le chantier sera suspendu : mis à jour le 6 mars, le calendrier prévoit 5 semaines de travaux.</p>`},
		{"posted by a name on a date", `<div>Posted by Water Desk on Tue Mar 3, 2026 8:40 am</div>`, "Water Desk",
			`<p>Posted by the council on its website on Tuesday, the plan has drawn more than 300 comments from residents.</p>`},
		{"call for doubtful claims", `<p>Vous avez vu passer une image douteuse ? Écrivez-nous à verif@exemple.fr.</p>`, "image douteuse",
			`<p>Vous avez vu passer une info sur les coupures ? Elle est fausse : le syndicat ne prévoit aucune coupure cet été.</p>`},
		{"call for doubtful claims en", `<div>Seen a statistic you doubt? Email checks@example.org.</div>`, "statistic you doubt", ""},
		{"partner promotion", `<p>En partenariat avec Emploi Local : retrouvez toutes les offres d'emploi de la région</p>`, "offres d'emploi",
			`<p>En partenariat avec la région, le syndicat a retrouvé les plans des canalisations posées en 1930 sous la rue Haute.</p>`},
		{"how to cite", `<p>Cite this article: Ferrand, O. (2026). The water plan. Exemple.</p>`, "Cite this article",
			`<p>Residents who cite this article in their objections should note that the plan was amended in March.</p>`},
		{"the site's app", `<p>Download the Valley Courier app for breaking news alerts.</p>`, "Valley Courier app",
			`<p>Download the free LeakFinder app, then enter your meter number to see your daily water use.</p>`},
		{"the site's app fr", `<p>Installez l'application Vallée Info pour suivre l'actualité en direct.</p>`, "Vallée Info", ""},
		{"star rating", `<p>Notre avis : ★★★☆☆</p>`, "★",
			`<p>Notre avis sur le plan : il arrive tard, mais il répond enfin aux plaintes des riverains du bas de la ville.</p>`},
		// heldout5's classes
		{"ad slot by data attribute", `<div class="c-z8" data-ad-slot="mid"><span>La suite ci-dessous</span></div>`, "suite ci-dessous",
			`<div data-block="quote"><p>Le syndicat a chiffré les travaux à 3,4 millions d'euros, financés pour moitié par l'agence de l'eau du bassin.</p></div>`},
		{"ad slot by aria-label", `<div aria-label="Publicité"><p>Espace partenaire</p></div>`, "Espace partenaire", ""},
		{"prompt box with a button", `<div class="k1"><p>Recevez les alertes coupures de votre rue</p><button>M'alerter</button></div>`, "alertes coupures",
			`<div><p>Les riverains de la rue Haute recevront un courrier deux semaines avant le début du chantier, qui durera trois mois au total.</p><p>Un second courrier précisera les horaires des coupures d'eau, toujours annoncées quarante-huit heures à l'avance par le syndicat.</p><button aria-label="Agrandir"></button></div>`},
		{"logo wall", `<div><p>Nos partenaires</p><a href="/p1"><img src="/l1.png" alt="Banque X"></a><a href="/p2"><img src="/l2.png" alt="Garage Y"></a></div>`, "Nos partenaires",
			`<div><a href="/a.jpg"><img src="/a.jpg" alt=""></a><a href="/b.jpg"><img src="/b.jpg" alt=""></a><p>Les deux réservoirs du syndicat avant et après les travaux de rénovation menés pendant tout l'hiver dernier.</p></div>`},
		{"labelled cross-link", `<p>Notre dossier : <a href="/dossier/secheresse">Sécheresse, les nappes au plus bas depuis vingt ans</a></p>`, "nappes au plus bas",
			`<p>Source : <a href="/rapport-annuel">le rapport annuel du syndicat des eaux</a></p>`},
		{"labelled cross-link en", `<p>Don't miss: <a href="/2026/05/dam">Why the old dam is finally coming down</a></p>`, "old dam",
			`<p>According to: <a href="https://agency.example/report">the national water agency's yearly report</a></p>`},
		{"e-mail furniture", `<div class="f"><p>Vous recevez cet e-mail car vous êtes inscrit à la lettre du syndicat. <a href="/u">Se désinscrire</a></p><p>Syndicat des eaux, 3 rue Basse, Vallon</p></div>`, "3 rue Basse",
			`<p>Les abonnés qui veulent se désinscrire du service d'alerte par SMS doivent écrire au syndicat avant le 30 juin.</p>`},
		{"affiliate disclosure", `<p><em>Nous pouvons percevoir une commission sur les achats réalisés via nos liens.</em></p>`, "percevoir une commission",
			`<p>Le syndicat ne touchera aucune commission sur les compteurs vendus par les plombiers agréés, précise son président.</p>`},
		{"readers' reviews", `<div><h3>Vos avis (12)</h3><p>Marc – Enfin une bonne chose !</p><p>Lise – Trop tard.</p></div>`, "Enfin une bonne chose", ""},
		{"wiki edit link", `<h2>Le calendrier<span class="k">[<a href="/e">modifier</a>]</span></h2>`, "modifier", `<h2>Le calendrier des coupures</h2>`},
		// heldout8's classes
		{"call in a later sentence", `<p>Le magazine paraît chaque trimestre. Abonnez-vous pour recevoir notre magazine chez vous.</p>`, "chaque trimestre",
			`<p>Le syndicat a publié son rapport annuel. Il recommande de relire cet article du règlement avant de signer un contrat.</p>`},
		{"box ending on a call", `<div class="s"><h3>You make this reporting possible.</h3><p>Our newsroom is funded by its readers.</p><a href="/give">Give today</a></div>`, "reporting possible",
			`<div class="f"><p>Le dossier complet du projet, avec les plans des trois réservoirs, est consultable en mairie jusqu'au 30 juin.</p><a href="/dossier.html">Découvrez les plans</a></div>`},
		{"where it appeared in print", `<p class="end">This story appears in the spring issue of Valley Quarterly.</p>`, "spring issue",
			`<p>L'article 12 du règlement est paru au Journal officiel en mars, après deux ans de discussions entre le syndicat et l'État.</p>`},
		{"where it appeared in print fr", `<p>Cet entretien est paru dans le numéro 12 de Vallée Magazine, en kiosque.</p>`, "numéro 12", ""},
		{"issue shop box", `<div class="i"><h3>Le numéro d'hiver</h3><p>132 pages sur les rivières du Vallon.</p><a href="/boutique">Acheter le numéro – 12 €</a></div>`, "132 pages", ""},
		// heldout7's classes
		{"breadcrumb as text", `<div class="f">Accueil / Actualités / Travaux et chantiers</div>`, "Actualités / Travaux",
			`<p>Le trajet Vallon / Lyon / Genève prend désormais trois heures par le train, contre quatre auparavant, selon la région.</p>`},
		{"breadcrumb as text en", `<p class="crumbs">Home › News › Local</p>`, "Home", ""},
		{"offer box", `<div class="p1"><p>Jusqu'à 100 € offerts sur votre premier pari</p><a href="https://parions.example/o">Pariez maintenant</a></div>`, "100 € offerts",
			`<div class="f"><p>Le prix</p><p>Le mètre cube passera de 3,10 € à 3,25 € au 1er janvier, une hausse de 5 % votée en décembre par le comité.</p></div>`},
		{"offer box en", `<div class="b"><p>New customers: get £20 in free bets</p><a href="https://bookie.example/x">Claim your offer</a></div>`, "free bets", ""},
		{"gambling legal line", `<p>Jouer comporte des risques : endettement, isolement, dépendance. Appelez le 09 74 75 13 13.</p>`, "endettement", ""},
		{"gambling legal line en", `<small>18+ | Please gamble responsibly | BeGambleAware.org</small>`, "gamble responsibly", ""},
		// heldout6's classes
		{"author card", `<div class="q2"><img src="/i/me.jpg" alt=""><p><strong>Claire Dupuis</strong> est journaliste au Vallon depuis 2015. Elle couvre l'environnement.</p></div>`, "Claire Dupuis",
			`<div class="r"><img src="/i/maire.jpg" alt=""><p><strong>Jean Dupont</strong> inaugure le nouveau réservoir du syndicat lundi à Vallon avec les élus.</p></div>`},
		{"author card en", `<div class="q3"><img src="/i/me.jpg" alt=""><p><a href="/by/sam">Sam Hale</a> is a reporter covering water and energy. Email him at sam@vallee.example.</p></div>`, "Sam Hale", ""},
		{"thread title with the post's title", `<div class="t"><h2>3 thoughts on “Le plan de travaux”</h2><p>Marc : bravo pour ce plan qui arrive enfin après tant d'années d'attente dans notre quartier.</p></div>`, "bravo pour ce plan",
			`<h2>Trois réponses à la sécheresse</h2><p>Le syndicat mise sur les économies, les forages profonds et la réutilisation des eaux usées traitées pour l'arrosage.</p>`},
		{"title over links to the site's pages", `<div class="r"><p>Plus d'actualités</p><div><a href="/a">Le prix de l'eau expliqué</a></div><div><a href="/b">Les nappes au plus bas</a></div></div>`, "nappes au plus bas",
			`<div class="s"><p>Le calendrier</p><div>Les travaux commencent rue Haute <a href="/rue-haute">le lundi 3 mars</a> pour six semaines.</div><div>La rue Basse suivra en avril selon le syndicat des eaux.</div></div>`},
		{"call to the reader", `<p>Rejoignez notre chaîne WhatsApp pour ne rien manquer de l'actualité du Vallon.</p>`, "WhatsApp",
			`<p>Le syndicat invite les habitants à rejoindre notre réseau de sentinelles des fuites, a écrit son président.</p>`},
		{"call to the reader en", `<p><strong>Sign up for our free morning briefing</strong> <a href="/signup">here</a>.</p>`, "morning briefing",
			`<p>« Rejoignez notre association, nous avons besoin de bras », a lancé la présidente des riverains lors de la réunion.</p>`},
		{"call after a question", `<p>Vous souhaitez réagir à cet article ? Connectez-vous ou créez un compte.</p>`, "Connectez-vous",
			`<p>Découvrez ce site classé, ouvert au public le week-end, où la première conduite de la ville fut posée en 1882.</p>`},
		{"call in a small box", `<div class="k"><p>Cet article vous a plu ?</p><p>Partagez-le avec vos proches.</p></div>`, "Partagez-le",
			`<div class="f"><p>Le chiffre</p><p>Quarante kilomètres de conduites à remplacer d'ici la fin de la décennie.</p></div>`},
		{"call with an address", `<p>Envoyez vos photos de fuites à temoins@vallee.example</p>`, "temoins@",
			`<p>Créez un compte sur le site du syndicat, puis envoyez votre demande de dégrèvement à abonnes@syndicat.example avant le 30 juin.</p>`},
		{"page's age", `<p class="n">This article is more than 3 years old</p>`, "years old",
			`<p>Cet article de loi date de 1905 et n'a jamais été modifié depuis, rappelle le juriste du syndicat.</p>`},
		{"subscribers' badge", `<span class="b">Article réservé aux abonnés</span>`, "réservé aux abonnés", ""},
		{"relative time stamp", `<div>Il y a 3 heures</div>`, "Il y a 3 heures", ""},
		{"listen to the article", `<div class="a"><span>Listen to this article</span><span>5:32</span></div>`, "Listen to this", ""},
		{"comments closed", `<p>Comments are closed for this article.</p>`, "Comments are closed", ""},
		{"headed list of the site's pages", `<h3>Continue reading</h3><ul><li><a href="/a">How water prices are set</a></li><li><a href="/b">Aquifers at a twenty-year low</a></li></ul>`, "Aquifers",
			`<h3>Sources</h3><ul><li><a href="https://agence.example/r">Rapport de l'agence de l'eau</a></li><li><a href="https://insee.example/p">Population des communes</a></li></ul>`},
		{"headed list with more than links", `<h3>À lire</h3><ul><li><a href="/a">Le prix de l'eau expliqué</a></li><li><a href="/b">Les nappes au plus bas</a></li></ul>`, "nappes au plus bas",
			`<h3>Les documents</h3><ul><li><a href="/plan.html">Le plan de travaux</a> adopté en mars par le comité syndical</li><li><a href="/budget.html">Le budget annexe</a> voté en avril</li></ul>`},
		{"lone link to a page of the site", `<p><strong><a href="/2026/10/barrage">Le barrage de Vallon sera vidé cet hiver</a></strong></p>`, "barrage de Vallon",
			`<p><a href="https://agence.example/rapport-nappes">Le rapport de l'agence de l'eau sur l'état des nappes</a></p>`},
		{"lone link en", `<div class="k2"><a href="/news/reservoir-levels">Reservoir levels fall for a third month running</a> →</div>`, "Reservoir levels",
			`<p>The syndicate has published <a href="/plan">its plan for the next ten years</a> with a map of every street affected.</p>`},
		{"consent choices as spans", `<div class="q3"><div>Ce site et ses partenaires déposent des cookies pour la publicité.</div><span class="k">Accepter</span><span class="k">Refuser</span></div>`, "partenaires déposent",
			`<p>Le syndicat a refusé de déposer une plainte, mais accepte de rembourser les abonnés privés d'eau pendant trois jours.</p>`},
		{"consent choices as divs en", `<div class="z"><p>This site uses cookies to measure traffic.</p><div>Accept all</div><div>Customise</div></div>`, "measure traffic", ""},
		{"question and a link", `<p class="f1">Une erreur dans cet article ? <a href="/contact">Écrivez à la rédaction</a></p>`, "Écrivez à la rédaction",
			`<p>Pourquoi si tard ? Le syndicat attendait la subvention de l'agence de l'eau, qui n'a été votée qu'en octobre, explique son président.</p>`},
		{"question and a link en", `<div class="x">Something to add? <a href="/contact">Write to our editors</a></div>`, "Write to our editors",
			`<p>What happens next? The syndicate will publish <a href="/plan">the full schedule of works</a> street by street in January.</p>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Le plan de travaux du syndicat des eaux</title></head><body><article><h1>Le plan de travaux du syndicat des eaux</h1>` +
				para(0) + para(1) + tc.furniture + para(2) + tc.kept + para(3) + `</article></body></html>`
			text := extractedText(t, page)
			if strings.Contains(text, tc.gone) && !strings.Contains(tc.kept, tc.gone) {
				t.Errorf("furniture left: %q", text)
			}
			if tc.kept != "" && !strings.Contains(text, plainOf(tc.kept)) {
				t.Errorf("the text lost %q: %q", plainOf(tc.kept), text)
			}
			if strings.Count(text, "Le syndicat des eaux a présenté") != 4 {
				t.Errorf("the article lost paragraphs: %q", text)
			}
		})
	}
}

// TestSignatureLine: a line that is the author's name (by the page's
// metadata) and a place or a role goes, at the end of the text as in the
// masthead; a sentence that names the author stays.
func TestSignatureLine(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	kept := "<p>Marc Le Goff, qui suit le dossier depuis 2019, a assisté à la réunion publique de mardi soir à la mairie.</p>"
	for _, head := range []string{
		`<meta name="author" content="Marc Le Goff">`,
		`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","author":[{"@type":"Person","name":"Marc Le Goff"}]}]}</script>`,
	} {
		for _, sig := range []string{`<p>Marc Le Goff (à Quimper)</p>`, `<p class="x">Par Marc Le Goff, correspondant</p>`, `<div>Marc Le Goff</div>`} {
			page := `<html><head><title>Le plan</title>` + head + `</head><body><article><h1>Le plan</h1>` + strings.Repeat(para, 3) + kept + sig + `</article></body></html>`
			ex, err := Extract([]byte(page), "https://127.0.0.1/a")
			if err != nil {
				t.Fatal(err)
			}
			text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
			if strings.Count(text, "Marc Le Goff") != 1 || !strings.Contains(text, plainOf(kept)) || strings.Count(text, "Le syndicat") != 3 {
				t.Errorf("%s %s: %q", head[:20], sig, text)
			}
		}
	}
}

// TestStandfirstByDescription: a standfirst no class names, outside the
// container readability keeps, is known by the page's description (which
// may cut it short) and put back once.
func TestStandfirstByDescription(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	stand := "Les canalisations posées avant 1960 seront toutes remplacées d'ici 2030, pour un coût de 40 millions d'euros. Les factures augmenteront de 4 % par an."
	for _, desc := range []string{stand, "Les canalisations posées avant 1960 seront toutes remplacées d'ici 2030, pour un coût de 40 millions"} {
		page := `<html><head><title>Le plan</title><meta name="description" content="` + desc + `"></head><body><div class="a1"><h1>Le plan</h1><div class="x9k">` + stand +
			`</div></div><div class="b7q">` + strings.Repeat(para, 4) + `</div></body></html>`
		ex, err := Extract([]byte(page), "https://127.0.0.1/a")
		if err != nil {
			t.Fatal(err)
		}
		text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
		if strings.Count(text, "posées avant 1960") != 1 || strings.Count(text, "Le syndicat") != 4 {
			t.Errorf("description %q: %q", desc, text)
		}
	}
}

// TestBoilerplateTail: the "About <organisation>" section a press release
// ends on goes; a section so titled that goes on for several paragraphs
// is text and stays.
func TestBoilerplateTail(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	about := "<h3>À propos du Syndicat des eaux</h3><p>Le syndicat regroupe trente communes et dessert 90 000 habitants.</p>"
	extract := func(body string) string {
		ex, err := Extract([]byte(`<html><head><title>Le plan</title></head><body><article><h1>Le plan</h1>`+body+`</article></body></html>`), "https://127.0.0.1/a")
		if err != nil {
			t.Fatal(err)
		}
		return normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	}
	if text := extract(strings.Repeat(para, 4) + about); strings.Contains(text, "trente communes") || strings.Count(text, "Le syndicat des eaux a présenté") != 4 {
		t.Errorf("boilerplate: %q", text)
	}
	long := "<h3>About Face</h3>" + strings.Repeat("<p>The company changed its name twice before settling on this one, and each change cost it customers who no longer recognised it.</p>", 3)
	if text := extract(strings.Repeat(para, 3) + long); strings.Count(text, "changed its name twice") != 3 {
		t.Errorf("a section of the text went: %q", text)
	}
}

// TestFactboxAndSummary: an <aside> of key dates among the paragraphs is
// text and stays, one of links goes; a "Key points" box above the text,
// outside what readability keeps, is put back once.
func TestFactboxAndSummary(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	facts := `<aside class="encadre"><h4>Repères</h4><ul><li>1962 : pose des premières canalisations en fonte.</li><li>2026 : vote du plan de renouvellement.</li></ul></aside>`
	links := `<aside class="encadre"><h4>Nos dossiers</h4><ul><li><a href="/a">Le prix de l'eau en 2026, commune par commune</a></li><li><a href="/b">Sécheresse : les restrictions levées</a></li></ul></aside>`
	summary := `<div class="kp"><h2>L'essentiel</h2><ul><li>Les canalisations d'avant 1960 seront remplacées.</li><li>La facture augmentera de 4 % par an.</li></ul></div>`
	page := `<html><head><title>Le plan</title></head><body><div class="top"><h1>Le plan</h1>` + summary + `</div><div class="body">` +
		para + para + facts + para + links + para + `</div></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	if !strings.Contains(text, "pose des premières canalisations") || strings.Contains(text, "commune par commune") {
		t.Errorf("factbox: %q", text)
	}
	if strings.Count(text, "seront remplacées") != 1 || strings.Count(text, "Le syndicat des eaux") != 4 {
		t.Errorf("summary box: %q", text)
	}
}

// TestPracticalBox: a box of practical details (place, dates, prices) is
// text; the booking and calendar buttons that end it go, and its schedule
// line is not taken for a stamp of the page.
func TestPracticalBox(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	box := `<div class="pratique"><h3>Infos pratiques</h3><p>Maison de l'eau, 3 quai des Tanneurs.</p><p>Du 12 au 20 mars, à 18 heures.</p><p>De 5 à 8 euros.</p>` +
		`<a class="btn" href="/resa">Réserver</a> <a class="btn" href="/ics">Ajouter à mon agenda</a></div>`
	en := `<div class="visit"><h3>Visiting</h3><p>Mill Lane, Woodbridge.</p><p>From 12 to 20 April, 10am to 4pm.</p><a href="/t">Book tickets</a> <a href="/c">Add to calendar</a></div>`
	keep := `<p>Les visiteurs pourront <a href="/resa">réserver</a> une place auprès de l'accueil, dit le syndicat, jusqu'à la veille de la visite.</p>`
	page := `<html><head><title>Le plan</title></head><body><article><h1>Le plan</h1>` + para + para + box + para + en + keep + para + `</article></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	for _, want := range []string{"Infos pratiques", "3 quai des Tanneurs", "Du 12 au 20 mars, à 18 heures.", "De 5 à 8 euros.", "Mill Lane", "From 12 to 20 April", "pourront réserver une place"} {
		if !strings.Contains(text, want) {
			t.Errorf("the box lost %q: %q", want, text)
		}
	}
	for _, gone := range []string{"Réserver", "Ajouter à mon agenda", "Book tickets", "Add to calendar"} {
		if strings.Contains(text, gone) {
			t.Errorf("button %q left: %q", gone, text)
		}
	}
}

// TestLeadVideoCaption: the caption of a video between the headline and
// the text is published once, without the player's buttons; a box of
// several lines beside a player (a playlist) is not a caption.
func TestLeadVideoCaption(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	video := `<div class="media"><div class="vjs-player"><span>Lecture</span><span>Son</span></div><p class="media-title">VIDÉO. Les tranchées de la rue Haute vues du ciel</p></div>`
	playlist := `<div class="more-videos"><iframe src="/e/2"></iframe><p>Le marché de Noël en images</p><p>La crue de la Loire filmée par un drone</p></div>`
	for _, tc := range []struct{ name, box, want, gone string }{
		{"caption", video, "VIDÉO. Les tranchées de la rue Haute vues du ciel", "Lecture"},
		{"playlist", playlist, "", "Le marché de Noël en images"},
	} {
		page := `<html><head><title>Le plan</title></head><body><div class="article"><h1>Le plan</h1>` + tc.box + `<div class="article-body">` + para + para + para + `</div></div></body></html>`
		ex, err := Extract([]byte(page), "https://127.0.0.1/a")
		if err != nil {
			t.Fatal(err)
		}
		text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
		if tc.want != "" && strings.Count(text, tc.want) != 1 {
			t.Errorf("%s: want %q once: %q", tc.name, tc.want, text)
		}
		if strings.Contains(text, tc.gone) || strings.Count(text, "Le syndicat des eaux") != 3 {
			t.Errorf("%s: %q", tc.name, text)
		}
	}
}

// TestPageBuilderBlocks: a text a page builder splits into widgets of one
// class is published whole, with the image block between them; a share
// widget goes; a blog's name in its <h1> and its tagline are not the
// post's headline and standfirst.
func TestPageBuilderBlocks(t *testing.T) {
	block := func(i int) string {
		return `<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><div class="elementor-text">` +
			strings.Repeat("<p>Le syndicat des eaux a présenté mardi son plan de travaux numéro "+string(rune('A'+i))+", qui prévoit de remplacer les canalisations les plus anciennes.</p>", 2) +
			`</div></div></div>`
	}
	img := `<div class="elementor-widget elementor-widget-image"><div class="elementor-widget-container"><figure><img src="/t.jpg" alt=""><figcaption>La tranchée de la rue Haute, en mars.</figcaption></figure></div></div>`
	share := `<div class="elementor-widget elementor-widget-share-buttons"><div class="elementor-widget-container"><a href="#">Facebook</a> <a href="#">Partager par courriel</a></div></div>`
	page := `<html><head><title>Le plan de travaux</title></head><body><header><h1>Le Petit Syndicat</h1><p class="site-description">Le blog des usagers de l'eau de la vallée, tenu par des bénévoles depuis 2012.</p></header>` +
		`<main><h2>Le plan de travaux</h2><div class="elementor-section">` + block(0) + img + block(1) + share + block(2) + `</div></main></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	if strings.Count(text, "Le syndicat des eaux a présenté") != 6 || !strings.Contains(text, "La tranchée de la rue Haute") {
		t.Errorf("the text lost blocks: %q", text)
	}
	if strings.Contains(text, "courriel") || strings.Contains(text, "bénévoles") {
		t.Errorf("furniture left: %q", text)
	}
}

func plainOf(s string) string {
	return strings.ReplaceAll(plain(s), "&#39;", "'")
}

// TestDateWordsInASentence: an inline date phrase in a sentence is text.
func TestDateWordsInASentence(t *testing.T) {
	page := `<html><body><article><h1>Titre</h1><p>Le registre, <em>mis à jour le 3 mai 2026</em>, compte désormais plus de quatre mille entrées, selon la préfecture qui le tient.</p>` +
		strings.Repeat(`<p>Un paragraphe de texte ordinaire, assez long pour que l'extracteur le retienne comme le corps de l'article publié.</p>`, 3) + `</article></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	if text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text; !strings.Contains(text, "mis à jour le 3 mai 2026") {
		t.Errorf("the date phrase of a sentence went: %q", text)
	}
}

// TestGallery: a photo essay told in its captions is published with all
// of them, not only its introduction.
func TestGallery(t *testing.T) {
	var figs strings.Builder
	for i := range 5 {
		if i == 2 {
			figs.WriteString(`<div class="ad-slot"><span>Publicité</span></div>`)
		}
		figs.WriteString(`<figure class="slide"><img src="/p` + string(rune('0'+i)) + `.jpg"><figcaption><span>` + string(rune('1'+i)) + ` / 5</span><p>Légende numéro ` + string(rune('0'+i)) +
			` : les dockers déchargent les navires de nuit, à la lumière des projecteurs du port.</p><span>Photo : Léa Martin</span></figcaption></figure>`)
	}
	page := `<html><head><title>Une nuit au port</title></head><body><div class="gallery"><div class="intro"><h1>Une nuit au port</h1><p>Photographies de Léa Martin</p><p class="intro-text">Entre minuit et l'aube, Pendant une semaine, notre photographe a suivi les dockers du port, de la tombée de la nuit au lever du jour, entre les grues, les portiques et les conteneurs, avec les pointeurs, les grutiers et les lamaneurs qui font tourner le terminal.</p></div><ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">E-mail</a></li></ul>` +
		figs.String() + `</div><div class="more"><a href="/x">Autres galeries</a></div></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	if strings.Count(text, "Légende numéro") != 5 || !strings.Contains(text, "notre photographe") {
		t.Errorf("gallery: %q", text)
	}
	if strings.Contains(text, "Une nuit au port") || strings.Contains(text, "Autres galeries") {
		t.Errorf("headline or furniture in the gallery: %q", text)
	}
}

// TestGalleryBesideArticle: an article followed by its gallery of
// captioned images (a press release's "Image gallery") keeps its text;
// the captions follow it (../testdata/heldout38: modx-en, where the
// gallery took the article's place).
func TestGalleryBesideArticle(t *testing.T) {
	caps := map[string][3]string{
		"fr": {"La façade de la future maison de santé, vue depuis la place. Photo : cabinet Arcane", "Le plan du rez-de-chaussée et de ses huit cabinets. Document : communauté de communes", "Les médecins du canton sur le terrain de l'ancienne gendarmerie. Photo : Julie Brac"},
		"en": {"The front of the new health centre, seen from the square. Image: Arcane Architects", "The ground-floor plan with its eight consulting rooms. Drawing: district council", "The valley's doctors on the site of the old police station. Photo: Julie Brac"},
	}
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			var figs strings.Builder
			for i, c := range caps[lang] {
				figs.WriteString(`<div class="col-md-4"><figure class="figure"><a href="/img/` + string(rune('a'+i)) + `-full.jpg" data-fancybox="press"><img src="/img/` + string(rune('a'+i)) + `.jpg" class="figure-img"></a><figcaption class="figure-caption">` + c + `</figcaption></figure></div>`)
			}
			gallery := `<section class="press-gallery"><h2 class="h4">Image gallery</h2><div class="row gallery">` + figs.String() + `</div><p class="small"><a href="/press/images.zip">Download high-resolution images (ZIP, 18 MB)</a></p></section>`
			page := sitebitsPage(lang, "", "", gallery, [2]string{})
			text := extractedText(t, page)
			for _, c := range caps[lang] {
				if !strings.Contains(text, c) {
					t.Errorf("caption %q lost: %q", c, text)
				}
			}
			for _, p := range sitebitsParas[lang] {
				if !strings.Contains(text, plainOf(p)) {
					t.Errorf("the text lost %q: %q", plainOf(p), text)
				}
			}
		})
	}
}

// TestHeadlineByTitle: the headline goes when it reads as the page's
// title (og:title), even when the JSON-LD headline readability reads is
// shorter; a subheading that says part of it stays.
func TestHeadlineByTitle(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	for _, title := range []string{"Le plan de travaux | par Marc Le Goff | Le Courrier", "Le plan de travaux"} {
		page := `<html><head><title>` + title + `</title><meta property="og:title" content="Le syndicat des eaux lance un plan de travaux de dix ans">` +
			`<script type="application/ld+json">{"@context":"http://schema.org","@type":"SocialMediaPosting","headline":"Un plan de travaux","author":{"@type":"Person","name":"Marc Le Goff"}}</script></head>` +
			`<body><article><div class="top"><h1>Le syndicat des eaux lance un plan de travaux de dix ans</h1><h2>Un chantier de dix ans</h2></div>` + strings.Repeat(para, 4) + `</article></body></html>`
		ex, err := Extract([]byte(page), "https://127.0.0.1/a")
		if err != nil {
			t.Fatal(err)
		}
		text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
		if strings.Contains(text, "lance un plan") || !strings.Contains(text, "Un chantier de dix ans") || strings.Count(text, "Le syndicat des eaux a présenté") != 4 {
			t.Errorf("%s: %q", title, text)
		}
	}
}

// TestMetaLineUnderHeadline: a short line with a date between the headline
// and the text goes whatever its words; a subtitle or a standfirst with a
// date stays.
func TestMetaLineUnderHeadline(t *testing.T) {
	body := `<p>Les élus ont adopté mardi le nouveau plan de travaux du syndicat des eaux, qui prévoit de remplacer les canalisations les plus anciennes.</p>` +
		`<p>Le chantier commencera au printemps par la rue Haute, où les fuites sont les plus nombreuses depuis plusieurs années, selon le syndicat.</p>` +
		`<p>Les riverains recevront un courrier deux semaines avant le début des travaux, qui dureront trois mois au total.</p>`
	for _, tc := range []struct{ name, meta, gone, kept string }{
		{"name and date", `<div class="sig">Thomas Le Goff, le 9 mars 2027 à 07h15</div>`, "Le Goff", ""},
		{"posted in", `<p class="p">Posted 12 June 2027 in Parish News</p>`, "Parish News", ""},
		{"release line", `<div>Communiqué de presse – 15 janvier 2027</div>`, "Communiqué", ""},
		{"subtitle with a year", `<h2 class="sub">Half the routes that ran in 2015 are gone</h2>`, "", "Half the routes that ran in 2015 are gone"},
		{"standfirst with a date", `<p class="chapo">Le 9 mars 2027, le conseil a voté le plan.</p>`, "", "Le 9 mars 2027, le conseil a voté le plan."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Le plan de travaux</title></head><body><article><h1>Le plan de travaux</h1>` + tc.meta + body + `</article></body></html>`
			text := extractedText(t, page)
			if tc.gone != "" && strings.Contains(text, tc.gone) {
				t.Errorf("meta line left: %q", text)
			}
			if tc.kept != "" && !strings.Contains(text, tc.kept) {
				t.Errorf("the text lost %q: %q", tc.kept, text)
			}
		})
	}
}

// TestGallerySlideCaption: a slide's counter and its "next" link go, its
// caption stays.
func TestGallerySlideCaption(t *testing.T) {
	slide := func(i int, cap string) string {
		return `<div class="slide"><span>` + string(rune('0'+i)) + ` / 3</span><img src="/g` + string(rune('0'+i)) + `.jpg" alt=""><p>` + cap + `</p><a href="#n">Photo suivante</a></div>`
	}
	page := `<html><head><title>Le chantier en images</title></head><body><article><h1>Le chantier en images</h1>` +
		`<p>Le syndicat des eaux a ouvert ses réservoirs au public samedi, pour la première fois depuis leur construction en 1932.</p>` +
		slide(1, "Le réservoir de la rue Haute, vidé pour les travaux.") + slide(2, "Les ouvriers posent les nouvelles conduites en fonte.") +
		slide(3, "Une visiteuse devant la salle des vannes restaurée.") +
		`<p>Les visites reprendront en septembre, sur inscription auprès du syndicat, pour des groupes de quinze personnes au plus.</p></article></body></html>`
	text := extractedText(t, page)
	for _, c := range []string{"vidé pour les travaux", "conduites en fonte", "salle des vannes"} {
		if !strings.Contains(text, c) {
			t.Errorf("caption %q lost: %q", c, text)
		}
	}
	for _, f := range []string{"Photo suivante", "2 / 3"} {
		if strings.Contains(text, f) {
			t.Errorf("%q left: %q", f, text)
		}
	}
}

// TestBodyNamedSummary: a container of the text whose class names a
// summary (Drupal's field--type-text-with-summary) is not a standfirst,
// so the rules for what sits above the text do not read the text: the
// date cells of its table and a line of dates stay.
func TestBodyNamedSummary(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	for _, cls := range []string{"field field--name-body field--type-text-with-summary", "entry-summary", "node__content"} {
		page := `<html><head><title>Le plan</title></head><body><article><h1>Le plan</h1><div class="chapo"><p>Trois ans de chantier pour remplacer quarante kilomètres de conduites dans la vallée.</p></div>` +
			`<div class="` + cls + `">` + strings.Repeat(para, 3) +
			`<table><tr><th>Période</th><th>Rue</th></tr><tr><td>3 au 14 mars</td><td>Rue Haute</td></tr><tr><td>17 mars au 4 avril</td><td>Rue Basse</td></tr></table>` +
			`<ul><li>Du 7 au 18 avril</li><li>Du 5 au 16 mai</li></ul>` + para + `</div></article></body></html>`
		ex, err := Extract([]byte(page), "https://127.0.0.1/a")
		if err != nil {
			t.Fatal(err)
		}
		text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
		for _, want := range []string{"3 au 14 mars", "17 mars au 4 avril", "Du 7 au 18 avril", "Du 5 au 16 mai", "quarante kilomètres"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: lost %q: %q", cls, want, text)
			}
		}
		if strings.Count(text, "Le syndicat") != 4 {
			t.Errorf("%s: paragraphs lost: %q", cls, text)
		}
	}
}

// TestStandfirstUnderHeadline: in div soup whose classes name nothing, the
// block right under the headline, outside the container readability
// keeps, is the standfirst when it reads as one (a sentence of 12 to 80
// words, no link, not a byline or a date line); a byline or a kicker
// there is not.
func TestStandfirstUnderHeadline(t *testing.T) {
	para := "<div class=\"p0\">Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</div>\n"
	stand := "Quarante kilomètres de conduites seront changés en trois ans, et les factures des abonnés augmenteront de quatre pour cent par an."
	for _, tc := range []struct {
		name, under, want, not string
	}{
		{"sentence", `<div class="s8k">` + stand + `</div>`, "Quarante kilomètres", ""},
		{"headline alone in its wrapper", "", "Quarante kilomètres", ""},
		{"byline", `<div class="s8k">Par Louise Camus, correspondante à Vallon, avec la rédaction du service économie et territoires</div>`, "", "Louise Camus"},
		{"link line", `<div class="s8k">Retrouvez tous nos articles sur <a href="/eau">les travaux du syndicat des eaux dans la vallée et les communes voisines</a>.</div>`, "", "Retrouvez"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			head := `<div class="h2x"><h1 class="t1">Le plan</h1>` + tc.under + `</div>`
			if tc.under == "" {
				head = `<div class="h2x"><div class="w"><h1 class="t1">Le plan</h1></div><div class="s8k">` + stand + `</div></div>`
			}
			page := `<html><head><title>Le plan</title></head><body><div class="r5">` + head + `<div class="b7q">` + strings.Repeat(para, 4) + `</div></div></body></html>`
			ex, err := Extract([]byte(page), "https://127.0.0.1/a")
			if err != nil {
				t.Fatal(err)
			}
			text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
			if tc.want != "" && strings.Count(text, tc.want) != 1 {
				t.Errorf("standfirst not kept once: %q", text)
			}
			if tc.not != "" && strings.Contains(text, tc.not) {
				t.Errorf("taken for a standfirst: %q", text)
			}
			if strings.Count(text, "Le syndicat") != 4 {
				t.Errorf("paragraphs lost: %q", text)
			}
		})
	}
}

// TestLeadFigureAfterStandfirst: the block under the headline that reads
// as a standfirst (named by no class) does not end the search for the lead
// figure that follows it, outside the container readability keeps: the
// figure's caption is put back.
func TestLeadFigureAfterStandfirst(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	page := `<html><head><title>Le plan</title><meta property="og:image" content="https://127.0.0.1/i/chantier.jpg"></head><body><div class="a"><h1>Le plan</h1>` +
		`<p class="x-sub">Quarante kilomètres de conduites seront changés en trois ans, et les factures augmenteront de quatre pour cent par an.</p>` +
		`<figure><img src="/i/chantier.jpg" alt=""><figcaption>Le chantier de la rue Haute, le premier du plan. (Photo : Louise Camus)</figcaption></figure>` +
		`<div class="b">` + strings.Repeat(para, 4) + `</div></div></body></html>`
	ex, err := Extract([]byte(page), "https://127.0.0.1/a")
	if err != nil {
		t.Fatal(err)
	}
	text := normalize.Article(ex.HTML, normalize.ArticleOptions{}).Text
	for _, want := range []string{"Le chantier de la rue Haute", "Quarante kilomètres"} {
		if strings.Count(text, want) != 1 {
			t.Errorf("%q not once in %q", want, text)
		}
	}
	if strings.Count(text, "Le syndicat") != 4 {
		t.Errorf("paragraphs lost: %q", text)
	}
}

// TestPremiumMarker: the label that marks a story for subscribers,
// alone in its element above the text, goes ("Abo+", "Réservé aux
// abonnés", "Subscriber exclusive"); the same words inside a sentence of
// the text stay. Fixtures in other words than the page that showed the
// class (../testdata/heldout23: leman-b-fr).
func TestPremiumMarker(t *testing.T) {
	para := "<p>Le syndicat des eaux a présenté mardi son plan de travaux, qui prévoit de remplacer les canalisations les plus anciennes du réseau avant la fin de la décennie.</p>\n"
	lead := `<p class="Header_lead__a1">Les canalisations posées avant 1960 seront toutes remplacées d'ici 2030, pour un coût de quarante millions d'euros.</p>`
	for _, tc := range []struct {
		name, mark, body, gone, kept string
	}{
		{"abo+ fr", `<span class="Badge_premium__q1" aria-label="Article réservé aux abonnés">Abo+</span>`, "", "Abo+", ""},
		{"réservé aux abonnés fr", `<div class="tag-access">Réservé aux abonnés</div>`, "", "Réservé aux abonnés", ""},
		{"subscriber exclusive en", `<span class="label label--paid">Subscriber exclusive</span>`, "", "Subscriber exclusive", ""},
		{"premium en", `<p class="flag">Premium</p>`, "", "Premium", ""},
		{"in a sentence stays fr", "", `<p>Les abonnés <span>premium</span> du réseau paieront la hausse en deux fois, a précisé le syndicat lors de la séance publique.</p>`, "", "abonnés premium du réseau paieront"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>Le plan des canalisations</title></head><body><main><article class="Article_article__k1"><header class="Header_header__p2"><span class="Header_kicker__r3">Région</span><h1>Le plan des canalisations</h1>` + lead +
				`<div class="Header_meta__m4"><a href="/auteurs/lea-morand">Léa Morand</a><span>Publié: <time datetime="2026-11-26T06:00:00+01:00">26.11.2026, 06h00</time></span></div>` +
				`</header><figure><img src="https://127.0.0.1/img/tuyaux.jpg" width="1200" height="675" alt=""></figure><div class="Body_body__z2">` + tc.mark + para + para + tc.body + para + para + `</div></article></main></body></html>`
			text := extractedText(t, page)
			if tc.gone != "" && strings.Contains(text, tc.gone) {
				t.Errorf("marker left: %q", text)
			}
			if tc.kept != "" && !strings.Contains(text, tc.kept) {
				t.Errorf("the text lost %q: %q", tc.kept, text)
			}
			if strings.Count(text, "Le syndicat des eaux") != 4 || !strings.Contains(text, "posées avant 1960") {
				t.Errorf("the article lost text: %q", text)
			}
		})
	}
}

// TestAbstractStandfirst: a standfirst above the body readability keeps,
// named "abstract" by its class or written all in bold alone in its box
// (a press release's abstract under the date), is put back once; a bold
// first paragraph of the body stays once.
// Fixtures in other words than the page that showed the class
// (../testdata/heldout23: ametys-fr).
func TestAbstractStandfirst(t *testing.T) {
	para := "<p>The water board presented its works plan on Tuesday, which replaces the oldest pipes of the network before the end of the decade, street by street.</p>\n"
	for _, tc := range []struct{ name, class, abstract, body, want string }{
		{"bold abstract en", "abstract", "<p><strong>Every pipe laid before 1960 will be replaced by 2030, at a cost of forty million pounds. Bills will rise by four per cent a year.</strong></p>", "", "Every pipe laid before 1960"},
		{"abstract fr", "abstract", "<p>Les canalisations posées avant 1960 seront toutes remplacées d'ici 2030, pour un coût de quarante millions d'euros, et les factures augmenteront.</p>", "", "Les canalisations posées avant 1960"},
		{"bold box no class en", "zone-b7", "<p><b>Every pipe laid before 1960 will be replaced by 2030, at a cost of forty million pounds. Bills will rise by four per cent a year.</b></p>", "", "Every pipe laid before 1960"},
		{"bold box no class fr", "x-3f", "<p><strong>Les canalisations posées avant 1960 seront toutes remplacées d'ici 2030, pour un coût de quarante millions d'euros.</strong></p>", "", "Les canalisations posées avant 1960"},
		{"bold first paragraph of the body stays once fr", "", "", "<p><strong>Le chantier commencera rue des Tanneurs au printemps, où les tuyaux de fonte ont cédé trois fois l'hiver dernier.</strong></p>", "Le chantier commencera rue des Tanneurs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>The pipes plan</title></head><body><main><div class="content"><div class="release-header"><p class="category">Press release</p><h1>The pipes plan</h1>` +
				`<p class="date">Published 27 November 2026</p><div class="` + tc.class + `">` + tc.abstract + `</div></div>` +
				`<div class="share"><a href="https://127.0.0.1/share">Share</a></div><div class="rich-text">` + tc.body + strings.Repeat(para, 4) + `</div></div></main></body></html>`
			text := extractedText(t, page)
			if n := strings.Count(text, tc.want); n != 1 {
				t.Errorf("the abstract is there %d times: %q", n, text)
			}
			if strings.Count(text, "The water board presented") != 4 {
				t.Errorf("the article lost text: %q", text)
			}
		})
	}
}
