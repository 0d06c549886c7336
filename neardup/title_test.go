package neardup

import "testing"

func TestTitleKey(t *testing.T) {
	for _, tc := range []struct {
		name, title, want string
	}{
		{"french accents", "Le Sénat adopte le budget", "le senat adopte le budget"},
		{"punctuation folded", "Budget 2026 : le Sénat dit « oui » !", "budget 2026 le senat dit oui"},
		{"case and spacing", "  LE   SÉNAT\tADOPTE\nLE BUDGET ", "le senat adopte le budget"},
		{"apostrophes", "L'Assemblée rejette l’amendement d'urgence", "l assemblee rejette l amendement d urgence"},
		{"ligature", "Le cœur de l'Œuvre restauré à Reims", "le coeur de l oeuvre restaure a reims"},
		{"english", "Central bank holds rates at 4.25% as inflation cools", "central bank holds rates at 4 25 as inflation cools"},
		{"english possessive", "Norvell's CEO resigns after recall", "norvell s ceo resigns after recall"},
		{"dashes", "Harbor City beat Eastbrook 3-1 — and go top", "harbor city beat eastbrook 3 1 and go top"},
		{"three words", "Macron en Chine", ""},
		{"too few content words", "Il a dit oui", ""},
		{"only stop words", "Où en est-on ?", ""},
		{"empty", "", ""},
		{"punctuation only", "!!! ??? ...", ""},
		{"live prefix", "Live: Vellmar earthquake latest updates from the region", ""},
		{"direct prefix", "DIRECT. Tempête Armelle : suivez l'évolution de la situation", ""},
		{"en direct", "EN DIRECT - Guerre au Proche-Orient : les dernières informations", ""},
		{"flash info", "Flash info : les titres de la mi-journée", ""},
		{"breaking", "Breaking: central bank announces surprise rate decision", ""},
		{"video", "VIDÉO. Les images impressionnantes de la tempête en Bretagne", ""},
		{"minute par minute", "Élection à Eastport : les résultats minute par minute", ""},
		{"as it happened", "Harbor City v Kingsford as it happened", ""},
		{"live is a word inside", "Norland voters go to the polls in a live contest", "norland voters go to the polls in a live contest"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := TitleKey(tc.title); got != tc.want {
				t.Errorf("TitleKey(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

func TestTitleKeySameForVariants(t *testing.T) {
	a := TitleKey("Grève à la SNCF : un TGV sur deux mardi")
	b := TitleKey("GREVE A LA SNCF - UN TGV SUR DEUX MARDI")
	if a == "" || a != b {
		t.Errorf("keys %q and %q, want equal and non-empty", a, b)
	}
}
