package answers

import "strings"

// variants maps a whole lowercased word to the form the rest of the pipeline
// uses: British spellings to American ones, common shorthand, and Roman Urdu
// as Pakistani users type it. A word mapped to "" is dropped.
var variants = map[string]string{
	// British and American spelling.
	"centre": "center", "centres": "center", "labour": "labor", "programme": "program",
	"programmes": "program", "organisation": "organization", "organisations": "organization",
	"organise": "organize", "favour": "favor", "analyse": "analyze", "realise": "realize",
	"specialise": "specialize", "utilise": "utilize", "licence": "license", "defence": "defense",
	"modernise": "modernize", "optimise": "optimize", "prioritise": "prioritize",
	// Shorthand and chat spelling.
	"govt": "government", "gov": "government", "govt.": "government", "info": "", "pls": "", "plz": "",
	"u": "", "ur": "", "r": "", "y": "why", "bcz": "because", "coz": "because", "cuz": "because",
	"abt": "about", "ppl": "people", "yr": "year", "yrs": "year", "tech": "technology",
	"biz": "business", "co": "company", "cos": "company", "intl": "international", "mn": "million",
	"usd": "dollar", "dollars": "dollar", "bpos": "bpo", "kpo": "bpo",
	"ecom": "ecommerce", "telco": "telecom", "telcos": "telecom", "telecommunication": "telecom",
	"telecommunications": "telecom", "aarthi": "", "yo": "", "hey": "", "hello": "", "hi": "",
	"thx": "", "thanks": "", "pakistans": "pakistan", "pak": "pakistan", "pk": "pakistan",
	"pakistani": "pakistan", "paki": "pakistan", "sbp": "sbp", "ai": "ai", "ml": "ai",
	// Roman Urdu.
	"kitna": "qty", "kitne": "qty", "kitni": "qty", "kitnay": "qty", "kitny": "qty", "kitnaa": "qty",
	"kya": "", "kia": "", "kyaa": "", "mein": "", "main": "", "me": "", "mai": "", "mei": "",
	"hai": "", "hain": "", "hy": "", "hein": "", "hen": "", "ha": "", "he": "",
	"kamaya": "earn", "kamai": "earn", "kamaye": "earn", "kamate": "earn", "kamata": "earn",
	"kamati": "earn", "kamana": "earn", "kamaai": "earn", "kamayi": "earn", "aamdani": "earn",
	"amdani": "earn", "paisa": "earn", "paise": "earn", "paisay": "earn",
	"log": "people", "logon": "people", "logo": "people", "loog": "people", "afraad": "people",
	"kaun": "who", "kon": "who", "koun": "who", "kis": "which",
	"kyun": "why", "kyon": "why", "kyu": "why", "kiyon": "why", "kyoon": "why", "kiun": "why",
	"kahan": "where", "kahaan": "where", "kab": "when",
	"kaise": "how", "kese": "how", "kaisay": "how", "kesay": "how", "kaisa": "how",
	"konsi": "which", "konse": "which", "kaunsi": "which", "kaunse": "which", "konsa": "which",
	"ke": "", "ki": "", "ka": "", "ko": "", "se": "", "ne": "", "liye": "", "liay": "", "lye": "",
	"lie": "", "aur": "", "or": "", "bhi": "", "tha": "", "thi": "", "thay": "", "raha": "",
	"rahe": "", "rahi": "", "karte": "", "karta": "", "karti": "", "kar": "", "karna": "",
	"karo": "", "kiya": "", "hota": "", "hoti": "", "hote": "", "hua": "", "hui": "", "hue": "",
	"huwa": "", "batao": "", "bataen": "", "bataye": "", "btao": "", "bata": "", "bta": "",
	"bataiye": "", "yeh": "", "ye": "", "woh": "", "wo": "", "is": "", "us": "", "unka": "",
	"inka": "", "apna": "", "apne": "", "hum": "", "ap": "", "aap": "", "tum": "", "mujhe": "",
	"mjhe": "", "yar": "", "yaar": "", "bhai": "", "bro": "", "sir": "", "jee": "", "ji": "",
	"acha": "", "accha": "", "theek": "", "na": "", "nahi": "not", "nahin": "not",
	"kaam": "work", "kam": "work", "naukri": "job", "nokri": "job", "naukriyan": "job",
	"tankhwah": "salary", "tankhwa": "salary", "tankha": "salary",
	"sasta": "cheap", "sasti": "cheap", "saste": "cheap", "mehnga": "expensive",
	"masla": "challenge", "masail": "challenge", "maslay": "challenge", "masle": "challenge",
	"mushkilat": "challenge", "mushkil": "challenge", "mustaqbil": "future", "aage": "future",
	"fayda": "advantage", "faida": "advantage", "faide": "advantage", "faiday": "advantage",
	"wajah": "reason", "waja": "reason", "wajuhat": "reason",
	"saal": "year", "sal": "year", "mulk": "country", "mulkon": "country", "mumalik": "country",
	"desh": "country", "bijli": "power", "dhoka": "fraud", "dhokay": "fraud", "dhoke": "fraud",
	"frod": "fraud", "jali": "fake", "jaali": "fake", "ghair": "not", "qanooni": "legal",
	"giraftar": "arrest", "griftar": "arrest", "arrests": "arrest", "karwai": "action", "karwaai": "action",
	"barha": "grow", "barhi": "grow", "barhe": "grow", "taraqqi": "grow", "taraqi": "grow",
	"zyada": "more", "ziada": "more", "zada": "more", "sab": "all", "kuch": "",
	"jate": "", "jaate": "", "jata": "", "jati": "", "jaati": "", "chale": "", "chalay": "",
	"gaye": "", "gaya": "", "gayi": "", "jana": "", "jaana": "", "laate": "", "late": "", "lete": "",
	"milti": "", "milta": "", "milte": "", "haal": "", "wat": "", "wht": "", "whats": "", "wats": "",
	"tareeqa": "howto", "tariqa": "howto", "tareeka": "howto", "tarika": "howto", "tareeqay": "howto",
	"izafa": "grow", "izafah": "grow", "barh": "grow", "barhna": "grow",
	"kami": "shortage", "kin": "which", "dete": "", "deti": "", "deta": "", "tak": "", "li": "", "liya": "",
	"lia": "", "le": "", "mny": "many", "ther": "there", "wer": "were", "dono": "both", "attractive": "advantage",
	"appealing": "advantage", "shehar": "city", "sheher": "city",
	"prez": "president", "prsident": "president", "remaining": "rest",
	"wale": "", "wala": "", "wali": "", "walay": "", "waley": "", "jo": "", "jis": "", "jin": "",
	"west": "western", "westerners": "western",
	"bahar": "abroad", "bahir": "abroad", "baahar": "abroad", "matlab": "mean", "matlb": "mean",
	"baaki": "rest", "baqi": "rest", "baki": "rest", "baqaya": "rest",
	"bade": "big", "bare": "big", "bara": "big", "bari": "big", "bada": "big", "bary": "big",
	"european": "europe", "europeans": "europe", "giraftari": "arrest",
	"company": "company", "companies": "company", "firm": "company", "firms": "company",
	"sources": "source", "source": "source", "sauces": "source",
}

// stopwords carry no meaning for matching. Question words that do carry
// meaning ("why", "who", "qty" for how much/many) are not here.
var stopwords = set(`a an the and or but if then so of to in on at by for with from as into about
	is are was were be been being am do does did doing done have has had having will would shall should
	can could may might must i me my we our us you your he him his she her it its they them their this
	that these those there here what which whom whose how also just any some such very really much many
	more most quite please tell know want wanted need needed like let lets give get got show say said
	question questions q quick bot bpobot answer hey hi hello yo ok okay thanks thank hmm um uh pls plz
	info information detail details explain explained explanation something thing things stuff anyone
	someone one ones guy guys bro sir maam madam dear team kindly help brief briefly short summary
	summarize summarise overview regarding re wondering curious wonder exactly actually currently
	current now today recent recently lately latest up out over well still even ever yet only other
	another each every all both either neither not no nor than too again further once whether while
	' s t d m ll ve re kind kinds type types sort sorts
	anyway anyways basically roughly approximately approx around total overall generally though`)

// synonyms maps a stemmed word to the canonical term for its concept. It is
// built from rawSynonyms, whose keys may be written as whole words: each key
// is entered both as written and as stemmed.
var synonyms = func() map[string]string {
	m := make(map[string]string, 2*len(rawSynonyms))
	for k, v := range rawSynonyms {
		m[k] = v
	}
	for k, v := range rawSynonyms {
		if _, ok := m[stem(k)]; !ok {
			m[stem(k)] = v
		}
	}
	return m
}()

var rawSynonyms = map[string]string{
	// earnings
	"earning": "earn", "revenu": "earn", "income": "earn", "made": "earn", "make": "earn",
	"generat": "earn", "money": "earn", "profit": "earn", "turnover": "earn", "gross": "earn",
	"receipt": "earn", "export": "export", "exports": "export",
	// dollars
	"usd": "dollar", "$": "dollar",
	// people and work
	"employe": "employ", "employee": "employ", "worker": "employ", "staff": "employ",
	"workforc": "workforce", "hire": "employ", "hir": "employ", "job": "job", "headcount": "employ",
	"manpower": "employ",
	// growth
	"increas": "grow", "rise": "grow", "rose": "grow", "jump": "grow", "growth": "grow",
	"expand": "grow", "expansion": "grow", "boom": "grow", "surge": "grow",
	"percentag": "percent", "pct": "percent", "rate": "percent",
	// advantages
	"benefit": "advantage", "pro": "advantage", "pros": "advantage", "strength": "advantage",
	"merit": "advantage", "reason": "why", "because": "why", "factor": "why", "driver": "why",
	// challenges
	"problem": "challenge", "issue": "challenge", "obstacl": "challenge", "difficulty": "challenge",
	"hurdl": "challenge", "risk": "challenge", "con": "challenge", "cons": "challenge",
	"weakness": "challenge", "barrier": "challenge", "struggl": "challenge", "face": "challenge",
	"facing": "challenge",
	// cost
	"cheap": "cost", "cheaper": "cost", "afford": "cost", "affordabl": "cost", "low-cost": "cost",
	"costs": "cost", "price": "cost", "pricing": "cost", "inexpensiv": "cost", "saving": "cost",
	"sav": "cost",
	// future
	"outlook": "future", "prospect": "future", "opportunity": "future", "ahead": "future",
	"upcom": "future",
	// clients
	"customer": "client", "buyer": "client",
	// fraud
	"scam": "scam", "scammer": "scam", "fraudul": "fraud", "fraudster": "fraud", "illegal": "illegal",
	"raid": "crackdown", "crack": "crackdown", "clampdown": "crackdown", "arrest": "arrest",
	"sizeabl": "big", "large": "big", "larg": "big", "major": "big",
	// misc
	"nation": "country", "countri": "country", "destination": "hub", "center": "center",
	"centr": "center", "agency": "agency", "ecommerc": "ecommerce", "onlin": "online",
	"registr": "register", "regist": "register", "enrol": "register",
	"competitor": "compet", "competition": "compet", "competitiv": "compet", "rival": "compet",
	"compete": "compet", "competit": "compet", "english-speak": "english",
	"electricity": "power", "loadshed": "power", "outag": "power", "blackout": "power",
	"secur": "security", "protect": "security", "privacy": "security",
	"complianc": "comply", "compliant": "comply",
	"skill": "skill", "skil": "skill", "talent": "talent", "brain": "talent", "abroad": "abroad",
	"emigrat": "abroad", "migrat": "abroad", "leav": "abroad",
	"automat": "automation", "cloud-bas": "cloud",
	"subsidy": "subsidy", "subsidi": "subsidy", "tax": "tax", "taxes": "tax",
	"stand": "stand", "abbreviation": "stand", "acronym": "stand", "full-form": "stand",
	"mean": "mean", "meaning": "mean", "defin": "mean", "definition": "mean",
	"ethic": "ethical", "ethical": "ethical", "integrity": "ethical", "honest": "ethical",
	"legitimat": "legitimate", "genuin": "legitimate", "legit": "legitimate",
}

// Salient term classes. A question that names a salient term the best entry
// does not support is declined, whatever its score: the sources answer "how
// much did call centers earn in FY25", not "in FY23", not "in Karachi", not
// "salaries". Terms are canonical (after canon).
const (
	classYear      = "year"
	classPlace     = "place"
	classOrg       = "organisation"
	classRole      = "role"
	classMetric    = "metric"
	classAsk       = "kind of question"
	classSector    = "sector"
	classPeriod    = "period"
	classQualifier = "qualifier"
)

// classRank orders the classes from the most to the least telling, to
// choose which unsupported term a decline names.
var classRank = map[string]int{
	classYear: 0, classPeriod: 1, classPlace: 2, classOrg: 3, classRole: 4, classSector: 5,
	classAsk: 6, classMetric: 7, classQualifier: 8,
}

// salientWords lists the salient terms by class, as users type them.
var salientWords = map[string]string{
	classPlace: `karachi lahore islamabad rawalpindi faisalabad multan peshawar quetta sialkot
		hyderabad gujranwala sindh punjab balochistan kpk khyber gilgit kashmir india philippines
		bangladesh china vietnam usa uk europe germany spain italy dubai uae canada australia
		middleeast northamerica saudi qatar egypt malaysia indonesia sri lanka nepal japan france
		poland mexico africa asia turkey iran afghanistan`,
	classOrg: `pseb sbp ccap pasha psx fbr secp nadra pta fia imf worldbank
		university universities college colleges
		google amazon microsoft ibm teleperformance concentrix ibex trg systems netsol`,
	classRole: `president chairman seniorvicechairman vicechairman governor ceo founder minister
		secretary director head leader spokesperson owner chairperson vicepresident`,
	classMetric: `salary salaries wage wages pay paid payment earn export employ job dollar percent grow
		tax rate speed mbps women female gender age shift hour hours profit margin valuation
		investment invested funding share stock price rupee rupees pkr arrest arrested register registered`,
	classQualifier: `average avg mean median`,
	classPeriod: `january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec quarter monthly weekly daily`,
	classSector: `softwarehouse infotech software freelance freelancer freelancers textile textiles remittance
		remittances agriculture`,
	classAsk: `howto companynames whichcity superlative forecast predict prediction projection projected estimate expect
		rank ranking top biggest largest smallest apply application
		interview resume cv vacancy vacancies hiring course fee fees`,
}

// salient maps a canonical term to its class. Years (fyNN) are recognised by
// shape in salientClass.
var salient = func() map[string]string {
	m := make(map[string]string)
	for class, words := range salientWords {
		for _, w := range strings.Fields(words) {
			if t := canon(w); t != "" {
				m[t] = class
			}
		}
	}
	return m
}()

// salientClass returns the salient class of a canonical term, or "".
func salientClass(t string) string {
	if len(t) == 4 && strings.HasPrefix(t, "fy") && t[2] >= '0' && t[2] <= '9' {
		return classYear
	}
	return salient[t]
}

func set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
