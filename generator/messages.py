"""Every message staff see about their sources, in Swedish, in one place.

Each names the field as the source writes it and says what to do. The CLI, the MkDocs build and
the git hooks all print these through ``generator.problems``.
"""

FILE_TOO_LARGE = "filen är större än {limit} MB; ett protokoll är mycket mindre, kontrollera filen"
BINARY = "filen innehåller binära data (NUL-tecken); spara den som vanlig text (UTF-8)"
NOT_UTF8 = "filen är inte UTF-8-text; spara den som UTF-8"
UNREADABLE = "filen kan inte läsas: {reason}"
YAML_SYNTAX = "YAML-fel: {problem}; kontrollera indrag och kolon"
YAML_TOO_DEEP = "YAML-strukturen är nästlad djupare än {limit} nivåer"
YAML_ALIAS = "YAML-alias (*namn) används inte i protokollfiler; skriv ut värdet"
YAML_TAG = "YAML-taggen {tag} är inte tillåten; skriv värdet som vanlig text"
YAML_MANY_DOCUMENTS = "filen innehåller flera YAML-dokument (---); ett sammanträde per fil"
YAML_KEY = "en nyckel måste vara ett enkelt namn"
YAML_DUPLICATE_KEY = "fältet '{key}' står två gånger"
YAML_NOT_MAPPING = "filen ska innehålla fält (namn: värde), inte {kind}"
KIND_LIST = "en lista"
KIND_SCALAR = "ett enskilt värde"
# JSON Schema's type names, as staff read them in messages.
SCHEMA_TYPE_NAMES = {
    "string": "text",
    "integer": "ett heltal",
    "boolean": "true eller false",
    "array": "en lista",
    "object": "fält (namn: värde)",
    "null": "tomt",
}

SCHEMA_REQUIRED = "fältet '{field}' saknas"
SCHEMA_UNKNOWN = "okänt fält '{field}'; tillåtna fält är: {allowed}"
SCHEMA_TYPE = "fältet '{field}' ska vara {expected}"
SCHEMA_PATTERN = "fältet '{field}' har fel form: {value!r}"
SCHEMA_ENUM = "fältet '{field}' ska vara ett av: {allowed}"
SCHEMA_MAX_ITEMS = (
    "fältet '{field}' har {count} poster; högst {limit} godtas i en fil (dela upp sammanträdet eller "
    "kontrollera att filen inte har upprepats)"
)
SCHEMA_OTHER = "fältet '{field}': {detail}"

GUARD_LINE_TOO_LONG = "raden är längre än {limit} tecken; dela upp texten i stycken"
GUARD_MARKUP = "raden har en ovanligt lång följd av tecknen [ ] * _ ` < > ! \\ (över {limit}); ta bort dem"
GUARD_MARKUP_FILE = "filen har över {limit} av tecknen [ ] * _ ` < > ! \\; ett protokoll har långt färre"
TOO_MANY_ITEMS = (
    "filen har fler än {limit} paragrafer; inget protokoll har så många; kontrollera att texten inte "
    "har upprepats eller dela upp den"
)
CONTROL_CHARACTER = (
    "texten har ett styrtecken ({character}) som inte kan publiceras; ta bort det (det syns inte i de "
    "flesta redigerare: skriv om ordet eller kopiera texten som oformaterad text)"
)
GUARD_NESTING = "listan är nästlad djupare än {limit} nivåer"
NUMBER_TOO_LONG = "talet {value} är orimligt långt"
DATE_IMPLAUSIBLE = "{field} {value} är ett orimligt datum för ett protokoll (årtal {low}–{high})"
POSTING_IMPLAUSIBLE = "{field} {value} ligger mer än ett år efter sammanträdet; kontrollera datumet"
START_AFTER_END = "sammanträdet slutar ({end}) före det börjar ({start})"
PARAGRAPH_NUMBER_TOO_LONG = "paragrafnumret {value} är orimligt långt"
SYMLINK_SOURCE = "{path} är en symbolisk länk; lägg in själva filen i protocols/"
VOCABULARY_PATTERN = "ordlista: {key}: mönstret {value!r} kan inte användas: {why}"
PATTERN_TOO_LONG = "det är längre än {limit} tecken"
PATTERN_INVALID = "det är inget giltigt reguljärt uttryck ({problem})"
PATTERN_NESTED = (
    "en upprepning (+, * eller {n,}) eller ett val (a|b) står inuti en upprepning, vilket kan ta "
    "orimligt lång tid på en rad som inte passar; skriv mönstret utan den inre upprepningen"
)
VOCABULARY_KEY = "ordlista: okänd nyckel {key!r}; nycklarna är: {known}"
SLUG_RESERVED = "organet kan inte heta '{slug}': adressen används av arkivet självt ({reserved})"
SLUG_DUPLICATE = "organet '{slug}' står två gånger"
PERSON_DUPLICATE = (
    "{name} får samma adress som {other} ({slug}); skriv namnen så att de skiljer sig åt eller slå ihop dem med alias"
)
PERSON_NO_SLUG = "namnet {name!r} innehåller inga bokstäver eller siffror som kan bli en adress"
DATE_INVALID = "fältet '{field}': {value!r} är inget datum; skriv ÅÅÅÅ-MM-DD"
TIME_INVALID = "fältet '{field}': {value!r} är ingen tid; skriv TT:MM"
DATETIME_INVALID = "fältet '{field}': {value!r} är ingen tidpunkt; skriv ÅÅÅÅ-MM-DD TT:MM:SSZ"
DNR_INVALID = "fältet '{field}': {value!r} är inget diarienummer; skriv till exempel 2023/93"
RANGE_INVALID = "fältet '{field}': {value!r} är inget paragrafintervall; skriv till exempel §§ 65-72"

FILE_NAME = "filnamnet ska vara <organ>/ÅÅÅÅ-MM-DD.md eller .yaml, inte {name}"
UNKNOWN_BODY = "organet '{body}' finns inte i organisation.yaml; lägg till det där eller rätta namnet"
BODY_MISMATCH = "protokollet gäller {written} men ligger i mappen för {expected}"
DATE_MISMATCH = "sammanträdesdatum {written} stämmer inte med filnamnet {expected}"
DUPLICATE_MEETING = "{body} {date} finns redan i {other}; ett sammanträde ska ha en enda fil"
DUPLICATE_ITEM = "§ {number} förekommer två gånger"

MD_NO_BODY = (
    "protokollhuvudet känns inte igen här: väntade organets namn (till exempel **Direktionen**), en titel "
    "som PROTOKOLL eller en rubrik som 'Plats och tid' (se Ordlistan i guiden)"
)
MD_NO_ITEMS = (
    "inga paragrafer hittades: en paragraf börjar med en rad som '§ 12', '§ 12 Dnr 2023/5', '**§ 12**', "
    "'12 §', '## 12 § Rubrik' eller, i löptext utan §, '12. Rubrik.' följt av '13. Rubrik.' "
    "(se Ordlistan i guiden)"
)
MD_NO_TITLE = "§ {number} saknar rubrik (en rad som börjar med ##)"
MD_NO_DECISION = "§ {number} saknar beslut (rubriken '{heading}')"
MD_UNKNOWN_HEADER = (
    "protokollhuvudet känns inte igen från den här raden: '{label}' är ingen rubrik i ordlistan (till exempel "
    "Plats och tid, Beslutande, Ersättare, Justerare); lägg till den under ordlista: i organisation.yaml "
    "(se Ordlistan i guiden)"
)
MD_BAD_ANSLAG = "ANSLAG/BEVIS saknar '{label}'"
MD_BAD_AGENDA = "raden i ärendelistan ska börja med § och numret: {value!r}"
MD_BAD_SIGNATURE = "underskriftsraden kunde inte paras ihop med en tidpunkt: {value!r}"
MD_ATTENDEE_TEXT = "texten {value!r} i närvarolistan kunde inte läsas som namn, kommun eller roll"

PERSON_NOT_IN_ROSTER = "{name} finns inte i personlistan i organisation.yaml (lägg till namnet eller ett alias)"
ORGANISATION_MISSING = "organisation.yaml saknas i {directory}"
ACCESSIBILITY_NO_CONTACT = (
    "tillgänglighetsredogörelsen saknar en e-postadress för synpunkter: ange tillgänglighet.kontakt "
    "(eller registrator) i organisation.yaml"
)
PERSONNUMMER = "texten ser ut som ett personnummer ({value}); det får inte publiceras"

PERSONNUMMER_PUBLISHED = (
    "den byggda filen skulle visa något som ser ut som ett personnummer ({value}); det får inte "
    "publiceras; det kommer ur källfilernas text (kanske delat av en länk, en tabell, en radbrytning "
    "eller ett osynligt tecken): sök efter siffrorna där och ta bort dem"
)
PORTAL_MISSING = "filen finns inte"
PORTAL_NO_MEMBERS = "ange organisationerna: organisationer: [{namn: ..., webbplats: https://...}]"
PORTAL_MEMBER = "varje organisation behöver ett namn (namn:) och en webbplats (webbplats:)"
PORTAL_SITE = "webbplatsen {value!r} är ingen webbadress (https://...) eller sökväg (/...)"
PORTAL_DONE = "Skrev portalen {page}"
BUILD_STOPPED = "Bygget avbröts; den publicerade webbplatsen är oförändrad."
BUILD_DONE = "Byggt: {pages} genererade sidor i {site}"
UNRESOLVED_REFERENCE = "{source}: § {number}: hänvisningen '{text}' pekar på en paragraf som inte finns i arkivet"
REPORT_UNRESOLVED = "Byggrapport: {count} hänvisningar i beslutsunderlag kunde inte länkas (visas som text)"
EXPLAIN_UNPLACED = "EJ PLACERAD"
PREVIEW_NOT_A_SOURCE = "{path} är ingen mötesfil i protocols/ (protocols/<organ>/ÅÅÅÅ-MM-DD.md eller .yaml)"
PREVIEW_DONE = (
    "Förhandsvisningen finns i {site}; öppna {page} i webbläsaren. Bara sidorna som visar "
    "protokollet finns med; länkar till andra sidor leder ingenstans."
)
PREVIEW_NOT_DIRTY = (
    "Förhandsvisningen bygger om alla sidor vid varje sparad ändring; starta den med "
    "'mkdocs serve --dirty' (som 'make serve' gör) så byggs bara de sidor som ändrats"
)
# arkiv import: why a PDF was not imported, and what staff must check.
IMPORT_ENCRYPTED = "PDF-filen är krypterad eller lösenordsskyddad; spara en oskyddad kopia och importera den"
IMPORT_NOT_PDF = "filen är ingen läsbar PDF-fil"
IMPORT_NO_TEXT = (
    "PDF-filen har inget textlager (en skannad bild); den kan inte importeras utan att texten först "
    "tolkas (OCR) och granskas"
)
IMPORT_NOT_A_PROTOCOL = (
    "PDF-filen ser inte ut som ett protokoll: ingen paragraf ('§ 12', '12 §' eller '12. Rubrik') hittades"
)
IMPORT_BAD_SIGNATURE = (
    "PDF-filens elektroniska signatur är ogiltig (dokumentet har ändrats efter signeringen eller "
    "signaturen kan inte läsas); importera den signerade originalfilen, eller ange "
    "--tillat-ogiltig-signatur om den ska publiceras ändå (sidan visar då att signaturen är ogiltig)"
)
IMPORT_NO_BODY = "organet kunde inte avgöras från PDF-filen; ange det med --body (organets slug)"
IMPORT_NO_DATE = "sammanträdets datum kunde inte hittas i PDF-filen (varken som Sammanträdesdatum eller i huvudet)"
IMPORT_EXISTS = "{path} finns redan; inget skrevs (ta bort den först om den ska ersättas)"
IMPORT_PERSONNUMMER = (
    "PDF-filen innehåller personnummer på rad {lines}: texten har skrivits men originalet har inte "
    "kopierats; maskera numren i källan och lägg till en maskerad kopia av PDF-filen med "
    "<!-- arkiv: original-maskerad: FIL -->"
)
IMPORT_ORIGINAL_WITHHELD = (
    "originalet har inte kopierats och källan saknar <!-- arkiv: original: … -->: PDF-filen håller "
    "något som inte får publiceras (se nedan)"
)
IMPORT_UNPLACED = "raden kunde inte placeras i protokollets delar: {line}"
IMPORT_SUMMARY = "Importerade: {imported}. Behöver granskas: {review}. Vägrade: {refused}."
IMPORT_LINE = "{outcome}: {pdf}{target}"
SYNTH_DONE = "Skrev {meetings} sammanträden i {directory}"
SEARCH_INDEX_FAILED = "Sökindexet kunde inte byggas (Pagefind):\n{output}"
PAGEFIND_BAD_ANSWER = "oväntat svar från Pagefind: {error}"
PAGEFIND_STOPPED = "Pagefind avslutades med kod {code}"
PAGEFIND_SILENT = "Pagefind slutade svara"
PAGEFIND_TRUNCATED = "Pagefind skrev ofullständiga filer: {files}"
ITEM_OUTSIDE_SIGNED = (
    "§ {number} ligger utanför de justerade paragraferna ({signed}); "
    "rätta numret eller 'Paragrafer' under Underskrifter"
)
AGENDA_MISSING = "§ {number} finns inte i ärendelistan; lägg till den där"
AGENDA_EXTRA = "ärendelistan har § {number}, men protokollet har ingen sådan paragraf"
AGENDA_DNR = "§ {number} har andra diarienummer än i ärendelistan"
AGENDA_TITLE = "§ {number} har en annan rubrik än i ärendelistan"
ATTENDANCE_RANGE = "{name}: {span} ligger utanför sammanträdets paragrafer (§§ {first}–{last})"
POSTED_BEFORE_MEETING = "anslaget sattes upp {posted}, före sammanträdet {date}"
TAKEN_DOWN_EARLY = (
    "anslaget tas ned {taken_down}, före sista dag att överklaga ({deadline}); "
    "det ska sitta uppe till och med den dagen"
)
DEADLINE_DIFFERS = "protokollet anger sista dag att överklaga {printed}, men enligt lag (1930:173) är den {computed}"
NO_SITE_URL = "site_url saknas i mkdocs.yml: flöden, kalender och öppna data får relativa länkar"
DATA_FAILED = "Öppna data, flöden och kalendrar kunde inte skrivas; se felet ovan"
NOT_A_BARE_REPO = "{repo} är inget bart git-arkiv (skapa det med: git init --bare {repo})"
WEB_ROOT_NOT_LINK = "{web_root} finns redan och är ingen symbolisk länk; välj en ny sökväg för webbroten"
HOOKS_INSTALLED = (
    "Krokar installerade i {repo}; webbplatsen publiceras i {web_root}.\n"
    "Anslagstavlan ändras med datumet: bygg om varje natt med den här raden i crontab (crontab -e):\n{cron}"
)
NOTHING_PUBLISHED = "grenen {branch} finns inte i git-arkivet; inget att bygga om"
LOG_CORRECTED = "rättelse av {path}: {old} ersatt av {new} (den tidigare versionen finns kvar i git-historiken)"
LOG_REBUILT = "{commit} ombyggd för dagens datum ({build})"
NO_SERVER_CONFIG = "{project} har ingen mkdocs.yml; kör 'arkiv hooks install' i projektets mapp eller ange --project"
PUSH_OUTSIDE_PROTOCOLS = (
    "pushen ändrar filer utanför protocols/: {files}. Servern publicerar bara protocols/ och bygger med sin "
    "egen mkdocs.yml, sitt tema och sina sidor; en administratör ändrar dem på servern"
)
PUSH_SYMLINK = "{path}: symboliska länkar tas inte emot; lägg in filen själv"
PUSH_SUBMODULE = "{path}: undermoduler tas inte emot"
PUSH_FILE_TOO_LARGE = "{path}: filen är större än {limit} MB"
PUSH_TREE_TOO_LARGE = "pushen är större än {limit} MB sammanlagt"
PUSH_NO_PROTOCOLS = "den pushade versionen har ingen mapp protocols/"
PUSH_UNREADABLE_TREE = "den pushade versionen kunde inte packas upp: {reason}"
PUSH_BAD_PATH = (
    "{path}: sökvägen tas inte emot (ett namn som står två gånger, '.', '..' eller '.git'); "
    "byt namn på filen eller mappen"
)
PUSH_ATTRIBUTES = (
    "{path}: .gitattributes tas inte emot i protocols/ (den kan dölja eller ändra protokoll när de "
    "packas upp); ta bort filen"
)
PUSH_TOO_DEEP = "{path}: ligger mer än {limit} nivåer under protocols/; ett protokoll ligger i protocols/<organ>/"
PUSH_TOO_MANY_FILES = "pushen har fler än {limit} filer; så många tar servern inte emot"
PUSH_TOO_MANY_PROTOCOLS = "protocols/ har {count} filer, fler än de {limit} som servern tar emot"
PUBLISHED_CHECK_FAILED = "Kontrollen mot den publicerade versionen misslyckades: inget publiceras."
PUBLISHED_CHECK_DONE = "Inget publicerat protokoll tas bort eller ändras utan rättelse (jämfört med {commit})"
PUBLISHED_VERSION_UNREADABLE = "den publicerade versionen kunde inte läsas från {url}: {reason}"
PUBLISHED_VERSION_MISSING = (
    "den publicerade versionen {commit} finns inte i git-historiken; hämta hela historiken "
    "(fetch-depth: 0 i GitHub, GIT_DEPTH: 0 i GitLab)"
)
PUSH_DELETES_BRANCH = "grenen {branch} publiceras och kan inte tas bort"
TIME_LIMIT = "kontrollen eller bygget tog längre än {seconds} sekunder och avbröts; inget har publicerats"
PUBLISHED_DELETED = (
    "{path} är publicerat och kan inte tas bort; ska något inte längre visas, markera det med "
    "<!-- arkiv: sekretess: skäl --> och skriv en rättelse"
)
PUBLISHED_CHANGED = (
    "{path} är publicerat; en ändring kräver en ny rättelse i filen: "
    "<!-- arkiv: rättelse: ÅÅÅÅ-MM-DD: vad som rättades och varför --> (i YAML: rättelser: [{{datum: …, skäl: …}}])"
)
PUBLISHING_IN_PROGRESS = (
    "{path}: bygget som kan publicera den pågår just nu; vänta tills det är klart (se bygglogg.txt) och pusha igen"
)
PUBLISHED_FILE_CHANGED = (
    "{path} är publicerad och kan inte bytas ut; lägg den nya filen under ett nytt namn och skriv en rättelse"
)
PUSH_REJECTED = "Pushen avvisades: rätta felen ovan och pusha igen. Inget har publicerats."
PUBLISH_FAILED = "Bygget misslyckades efter pushen; den publicerade webbplatsen är oförändrad (se bygglogg.txt)."
PUBLISHED = "Publicerat: {build}"
LOG_PUBLISHED = "{commit} publicerad ({build})"
LOG_FAILED = "{commit} misslyckades: {reason}; webbplatsen är oförändrad"
LOG_STEP_FAILED = "ett steg efter publiceringen misslyckades ({reason}); webbplatsen är publicerad"
BUILD_IO_FAILED = (
    "bygget kunde inte läsa eller skriva en fil på servern ({reason}); kontrollera att disken inte är full"
)
PUBLISH_IO_ERROR = (
    "publiceringen avbröts: en fil kunde inte läsas eller skrivas på servern ({reason}); "
    "den publicerade webbplatsen är oförändrad"
)
PUSH_SUPERSEDED = (
    "{commit} publiceras inte: en senare push ({tip}) har redan ersatt den och publiceras i sitt eget bygge"
)
LOG_INTERRUPTED = "avbrutet bygge {build} städades bort"
LOG_SUPERSEDED = "{commit} byggdes men publiceras inte: grenen har redan en senare version"
LOG_ROLLED_BACK = "återställd till {build}"
NO_SUCH_BUILD = "bygget {name} finns inte; sparade byggen: {builds}"
ROLLBACK_WITHHELD = (
    "bygget {build} visar text som ett senare bygge inte publicerar (sekretess): {withheld}; "
    "återställningen gjordes inte. Rätta i stället källfilen och publicera den på nytt"
)
NOTHING_TO_ROLL_BACK = "det finns inget tidigare bygge att återställa till"
ROLLED_BACK = "Webbplatsen visar nu bygget {build}"
SCAFFOLD_EXISTS = "{path} finns redan; ett sammanträde ska ha en enda fil"
SCAFFOLD_DONE = "Skrev {path}: fyll i protokollet och kontrollera med 'arkiv validate'"
ORIGINAL_OUTSIDE = (
    "originalet {value!r} ligger utanför protocols/; lägg PDF-filen i organets mapp och skriv bara filnamnet"
)
ORIGINAL_WITHHELD = (
    "protokollet har delar som inte publiceras, men originalet {value!r} innehåller dem; ange en maskerad "
    "PDF med <!-- arkiv: original-maskerad: fil.pdf --> (i YAML: original_maskerad: fil.pdf)"
)
MARKER_UNKNOWN = (
    "okänd arkiv-markering {value!r}; skriv exakt <!-- arkiv: sekretess: skäl -->, "
    "<!-- arkiv: original: fil.pdf -->, <!-- arkiv: original-maskerad: fil.pdf -->, "
    "<!-- arkiv: handling: fil.pdf: Titel --> eller <!-- arkiv: personnummer-undantag NUMMER: skäl -->"
)
MARKER_OUTSIDE_ITEMS = (
    "sekretessmarkeringen står utanför paragraferna; den gäller en paragraf (direkt efter rubriken) "
    "eller en del av den (under en mellanrubrik)"
)
MARKER_MISSPELT = (
    "markeringen {value!r} är ingen HTML-kommentar (ett tankstreck, en vinkel eller ett mellanslag i "
    "stället för <!-- och -->, som Word kan skriva dem); den skulle visas och inte verka; skriv den med "
    "vanliga tecken, till exempel <!-- arkiv: sekretess: skäl -->"
)
MARKER_NO_GROUND = (
    "sekretessmarkeringen saknar skäl; skriv grunden för sekretessen, till exempel "
    "<!-- arkiv: sekretess: OSL 26 kap. 1 § -->"
)
MARKER_IN_YAML = "arkiv-markeringar används inte i YAML; skriv sekretess: {{grund: ...}} på paragrafen eller avsnittet"
ORIGINAL_CHANGED = (
    "originalet {value!r} stämmer inte med kontrollsumman (SHA-512) som skrevs när det importerades: "
    "filen har bytts ut eller ändrats; lägg tillbaka den signerade filen"
)
ORIGINAL_MISSING = "originalet {value!r} finns inte eller är ingen PDF-fil"
# Handlingar: the documents behind a paragraph, in <body>/<YYYY-MM-DD>-handlingar/ beside the protocol.
HANDLING_FORM = (
    "handlingsmarkeringen {value!r} går inte att läsa; skriv <!-- arkiv: handling: fil.pdf: Titel --> "
    "(en sekretessbelagd handling: <!-- arkiv: handling: fil.pdf: Titel: sekretess: grund -->)"
)
HANDLING_OUTSIDE_ITEMS = (
    "handlingsmarkeringen står utanför paragraferna; skriv den i paragrafen som handlingen hör till"
)
HANDLING_NAME = "handlingen {value!r} ska vara ett filnamn i mappen {folder}/ bredvid protokollet, utan sökväg"
HANDLING_MISSING = "handlingen {value!r} finns inte i {folder}/ eller är ingen PDF-fil (filnamnet ska sluta på .pdf)"
HANDLING_SYMLINK = "handlingen {value!r} är en symbolisk länk; lägg själva PDF-filen i {folder}/"
HANDLING_NOT_PDF = "handlingen {value!r} är ingen PDF-fil (den börjar inte med %PDF-)"
HANDLING_PERSONNUMMER = (
    "{file}: {place}: texten ser ut som ett personnummer ({value}); handlingen får inte publiceras med det: "
    "lägg en maskerad kopia i stället, eller markera handlingen med sekretess och dess grund"
)
# What a published original PDF holds, scanned before it is published (and before arkiv import
# copies it); each names the file. The place of a personnummer: a page, the metadata, an attachment.
PDF_PLACE_PAGE = "sida {page}"
PDF_PLACE_METADATA = "metadata"
PDF_PLACE_ATTACHMENT = "bilaga {name}"
PDF_PLACE_SIGNATURE = "signaturen (dess fält eller certifikat)"
PDF_PLACE_REVISION = "version {revision} av filen (ersatt av en senare ändring men kvar i filen), {place}"
PDF_PLACE_OTHER = "bokmärken, formulärfält eller andra delar av filen"
ORIGINAL_PERSONNUMMER = (
    "{file}: {place}: texten ser ut som ett personnummer ({value}); PDF-filen får inte publiceras med det: "
    "lägg en maskerad kopia med <!-- arkiv: original-maskerad: fil.pdf --> (i YAML: original_maskerad: fil.pdf)"
)
PDF_JAVASCRIPT = (
    "{file}: PDF-filen innehåller JavaScript (kod som körs när filen öppnas) och publiceras inte; "
    "spara eller skriv ut en kopia utan skript till PDF"
)
PDF_LAUNCH = (
    "{file}: PDF-filen innehåller en åtgärd som startar ett program eller öppnar en fil (/Launch) och publiceras "
    "inte; spara eller skriv ut en kopia utan den till PDF"
)
PDF_EMBEDDED = (
    "{file}: PDF-filen har en inbäddad fil ({name}) och publiceras inte; ta bort bilagan ur PDF-filen "
    "(publicera den som eget dokument om den ska visas)"
)
PDF_TOO_MANY_PAGES = "{file}: PDF-filen har fler än {limit} sidor; ett protokoll har långt färre, så den läses inte"
PDF_TOO_LARGE = (
    "{file}: PDF-filens innehåll blir större än {limit} MB när det packas upp; ett protokoll är långt mindre, "
    "så den läses inte"
)
PDF_TOO_MUCH_ON_A_PAGE = (
    "{file}: en sida i PDF-filen ritar mer än {limit} tecken, linjer och bilder; ett protokoll har långt färre, "
    "så den läses inte"
)
PDF_TOO_SLOW = "{file}: PDF-filen tog längre än {limit} sekunder att läsa och avbröts; den kan inte granskas"
PDF_UNREADABLE = (
    "{file}: PDF-filen kan inte läsas, så den kan inte granskas för personnummer och publiceras inte; "
    "spara den på nytt som PDF"
)
PDF_ENCRYPTED = "{file}: PDF-filen är krypterad eller lösenordsskyddad och kan inte granskas; lägg en oskyddad kopia"
VOCABULARY_TABLE_WORDS = "Ord och mönster som läsaren känner igen"
MESSAGE_TABLE_HEADING = "Meddelande (‹…› ersätts med fältet, värdet eller numret)"
SOURCES_INVALID = "Källfilerna har fel; inget har publicerats:\n{report}"


# arkiv explain: why a line is page furniture (by which rule), after "tas bort: sidans möbler".
FURNITURE_REMOVED = "tas bort: sidans möbler ({rule})"
FURNITURE_DATE_LINE = "mötets datum ensamt på en rad"
FURNITURE_INSTRUCTION = "en instruktion till arkivet"
FURNITURE_NAME = "organets eller organisationens namn"
FURNITURE_ATTACHMENT = "länk till en bifogad fil på webbsidan"
FURNITURE_SLOGAN = "brevhuvudets devis ovanför organisationens namn"
MD_POSTING_NOT_A_DATE = "anslagets datum '{value}' är inget datum: anslaget publiceras utan det"
FURNITURE_NAVIGATION = "den sparade webbsidans länkar inom webbplatsen"
FURNITURE_LETTERHEAD = "brevhuvud eller sidfot med organisationens namn och adress"
FURNITURE_VOCABULARY = "ordlistans möbelmönster"
FURNITURE_OWN_VOCABULARY = "organisationens eget möbelmönster i organisation.yaml"
OWN_FURNITURE_IN_ITEM = (
    "raden står bara en gång eller är en mening, men tas bort ur paragrafen som sidhuvud eller sidfot av ett mönster "
    "under ordlista: möbler_mönster i organisation.yaml; stämmer mönstret, eller tar det bort text ur "
    "protokollet? ({text!r})"
)
FURNITURE_HEADER_CELLS = "sidhuvud i celler: namn, titel, sidnummer"
FURNITURE_PAGE_NUMBERS = "återkommer med skiftande sidnummer"
FURNITURE_MEETING_DATE = "återkommer med mötets datum"
FURNITURE_FOOTER = "återkommande sidfot i flera celler"
FURNITURE_CELL = "återkommer, med en cell ur ordlistans möbler"
FURNITURE_TITLE = "återkommande dokumenttitel"
FURNITURE_BESIDE = "återkommer bredvid sidhuvudet"
FURNITURE_SEPARATOR = "tabellavgränsare under en möbelrad"
FURNITURE_GRID = "en tabells ram"

# A header entry the reader names itself: the justerare's substitute ("Ersättare" under "Justerare").
ADJUSTER_SUBSTITUTE = "{label} för justerare"
ADJUSTER_SUBSTITUTE_IN_VALUE = "Ersättare för justerare"  # the substitute said in the justerare's value
