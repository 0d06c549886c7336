package textgen

import "strings"

// topical is the Default mode's list of topical words (the bench
// command's original vocabulary).
var topical = strings.Fields(`gouvernement conseil budget réforme sénat assemblée ministre élus
	commune région département vote loi projet débat majorité opposition syndicat grève
	entreprise usine emploi salaire inflation croissance banque marché bourse énergie
	électricité gaz pétrole climat sécheresse récolte agriculteurs port aéroport train
	ligne chantier hôpital médecins école enseignants université étudiants police justice
	tribunal procès enquête incendie tempête inondation pompiers festival musée théâtre
	concert stade équipe match championnat victoire défaite entraîneur joueurs supporters
	frontière diplomatie sommet accord traité sanctions négociation cessez-le-feu armée`)

// syllables build the large vocabularies: news prose mixes a few topical
// words, shared by many stories, with many rarer ones (names, places,
// figures) that set stories apart.
var syllables = strings.Fields(`ba be bi bo bu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu
	ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu`)

// endings make the large Zipf vocabulary look French.
var endings = strings.Fields(`tion ment eur ence ique age ise ure ois ette`)

// function words go between content words; Sign drops them.
var function = strings.Fields(`de la le les des du et en un une à au aux pour par sur dans avec qui que est a`)

// small is the Small mode's whole vocabulary.
var small = strings.Fields(`gouvernement ministre assemblée député sénat budget réforme vote loi projet
	majorité opposition président parti élection campagne débat texte article amendement
	commission séance motion censure groupe accord syndicat grève retraite impôt
	dette déficit croissance emploi salaire région commune maire conseil réunion`)

// common is the Zipf mode's first 200 ranks: the vocabulary every item of
// a politics section shares, most frequent first.
var common = strings.Fields(`gouvernement ministre assemblée président projet loi réforme député
	sénat budget vote majorité opposition premier parti politique texte débat groupe
	commission pays nationale état élus public mesure accord semaine année jour mois
	séance article amendement motion censure syndicats retraite impôt dette déficit
	croissance emploi salaire région commune maire conseil réunion campagne élection
	candidat sondage électeurs scrutin coalition alliance gauche droite centre
	écologistes socialistes républicains macronistes insoumis sénateurs députés ministres
	cabinet matignon élysée palais hémicycle tribune parlement parlementaires session
	décret ordonnance circulaire procédure recours conseil constitutionnel décision
	juge tribunal justice enquête police sécurité ordre intérieur défense armée
	diplomatie sommet europe bruxelles union commission européenne traité négociation
	finances économie entreprises industrie énergie électricité prix inflation pouvoir
	achat ménages familles pension chômage travail temps réforme santé hôpital école
	éducation enseignants université logement transports agriculture climat écologie
	environnement numérique fiscalité taxe contribution collectivités territoires
	départements préfet préfecture administration fonctionnaires service services
	publics réformes annonce annonces discours entretien interview déclaration
	communiqué porte-parole conférence presse médias critique critiques soutien
	opposants partisans manifestation manifestants mobilisation grève grévistes
	négociations compromis vote votes voix scrutin adoption rejet examen lecture
	navette calendrier agenda rentrée printemps automne hiver été dossier crise
	tension tensions polémique affaire scandale démission remaniement nomination`)
