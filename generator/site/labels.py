"""Every text a reader of the site sees, in Swedish, in one place.

Templates reach these as ``t.NAME``; code that builds titles uses them directly.
"""

from __future__ import annotations

from datetime import date, datetime, time

SITE_LANGUAGE = "sv"

START_TITLE = "Protokollarkiv"
NAV_START = "Startsida"
SITE_NAME = "{organisation}: protokollarkiv"
SITE_DESCRIPTION = "Justerade protokoll från {organisation}."
START_INTRO = (
    "Här finns de justerade protokollen från {organisation}s sammanträden. Läs ett sammanträde, "
    "följ ett ärende mellan sammanträden via diarienumret eller sök bland besluten."
)
LATEST_MEETINGS = "Senaste sammanträdena"
BODY_MEMBERS = "Ledamöter och ersättare"
BODY_MEMBERS_INTRO = "Som de står i protokollet från det senaste sammanträdet, {date}."
GROUP_MEMBERS = "Ledamöter"
GROUP_SUBSTITUTES = "Ersättare"
BODIES = "Organ"
FIND_CASE = "Hitta ett ärende"
FIND_CASE_TEXT = (
    "Varje ärende har ett diarienummer (dnr), till exempel {example}. Ärendets sida visar alla "
    "sammanträden där det har behandlats, i alla organ."
)
ALL_CASES = "Alla ärenden"
NO_MEETINGS = "Inga protokoll är publicerade ännu."

MEETING = "Sammanträde"
MEETING_TITLE = "{body} {date}"
ON_THIS_PAGE = "På sidan"  # the list of a page's parts beside it (Material's table of contents)
PARAGRAPH_IN_TOC = "§ {number} {title}"
PARAGRAPH_COUNT = "{count} paragrafer"
PARAGRAPH_COUNT_ONE = "1 paragraf"

DATE = "Datum"
TIME = "Tid"
PLACE = "Plats"
TIME_SPAN = "kl. {start}–{end}"
TIME_START = "kl. {start}"

ATTENDANCE = "Närvaro"
GROUPS = {"beslutande": "Beslutande", "ersättare": "Ersättare", "övriga": "Övriga närvarande"}
NAME = "Namn"
MUNICIPALITY = "Kommun"
ROLE = "Roll"
PARAGRAPHS = "Paragrafer"
WHOLE_MEETING = "Hela sammanträdet"
SERVING_FOR = "tjänstgör för {name}"

ADJUSTMENT = "Justering"
ADJUSTERS = "Justerare"
ADJUSTMENT_PLACE_TIME = "Justeringens plats och tid"
SIGNED_PARAGRAPHS = "Paragrafer"

POSTING = "Anslag"
POSTED = "Anslaget sattes upp"
POSTED_FUTURE = "Anslaget sätts upp"
TAKEN_DOWN = "Anslaget tas ned"
APPEAL_DEADLINE = "Sista dag att överklaga"
APPEAL_NOTE = (
    "Beslut kan överklagas genom laglighetsprövning hos förvaltningsrätten. Överklagandet ska ha "
    "kommit in inom tre veckor från den dag då anslaget sattes upp."
)
KEPT_AT = "Protokollet förvaras"

AGENDA = "Ärendelista"
AGENDA_DECISIONS = "Ärenden och beslut"
PROTOCOL = "Protokoll"
EXTRACT = "Utdrag ur protokoll."
EXTRACT_OF = "Utdrag ur protokollet: § {number}"
EXTRACT_NOT_CERTIFIED = (
    "Utdraget är inte bestyrkt. Det justerade protokollet är originalet; ett bestyrkt utdrag beställs hos registrator."
)
EXTRACT_WHOLE = "Hela protokollet"
DECISION_SHORT = "Beslut"
BREADCRUMB = "Du är här"
LINK_TO_PARAGRAPH = "Länk till § {number}"
DNR = "Dnr"
NO_DNR = "Inget diarienummer"
ABSENT = "Deltog inte i beslutet"
ABSENTEES = "Anmält förhinder"
EXTRA = "Övrigt"  # a line of the protocol's header without a label of its own
ANNEXES = "Bilagor"  # printed with the protocol after its paragraphs (a närvarolista)
PROPOSAL = "Förslag till beslut"
PROPOSAL_DIFF = "Ändringar mot förslaget (tillagt understruket, struket överstruket):"
POSTING_UNDATED = (
    "Protokollet anger inga datum för anslaget (de skrevs för hand på papperet). "
    "Därför visas ingen sista dag att överklaga; fråga registratorn."
)
WITHHELD = "Paragrafens text publiceras inte på webben."
WITHHELD_GROUND = "Skäl"
WITHHELD_PART = "Den här delen av paragrafen publiceras inte på webben."
DOCUMENTS = "Handlingar"
DOCUMENT_PDF = "PDF, {size}"
DOCUMENT_NOT_SEARCHABLE = "ej sökbar: inget textlager"  # a scan: its text cannot be searched
DOCUMENT_WITHHELD = "Handlingen publiceras inte på webben."
DOCUMENT_OF = "Handling till {paragraph}"  # on a handling's search hit: "Handling till § 71 Delårsbokslut …"
REFERENCES = "Beslutsunderlag"
RECIPIENTS = "Beslutsexpediering"
MOTIONS = "Yrkanden"
VOTES = "Omröstning"
VOTE_YES = "Ja"
VOTE_NO = "Nej"
VOTE_ABSTAIN = "Avstår"
VOTE_RESULT = "Resultat"
VOTE = "Röst"
VOTE_COUNTS = "{yes} ja, {no} nej, {abstaining} avstår"
RESERVATIONS = "Reservationer"
DISQUALIFIED = "Jäv"
NOTES = "Protokollsanteckningar"
ADJUSTED_IMMEDIATELY = "Paragrafen justerades omedelbart."
PREVIOUS_MEETING = "Föregående sammanträde"
NEXT_MEETING = "Nästa sammanträde"

ESIGNING = "Elektroniska underskrifter"
SIGNER = "Undertecknare"
SIGNED_AT = "Tidpunkt (UTC)"
SERVICE = "Signeringstjänst"

CASES = "Ärenden"
CASES_INTRO = (
    "Ärendena i arkivet per diarieår, med antal och när de senast behandlades. Ett ärende kan ha "
    "behandlats vid flera sammanträden."
)
CASES_YEAR_TITLE = "Ärenden, diarieår {year}"
CASES_YEAR_INTRO = "Ärenden med diarienummer från {year}. Välj organ, de senast behandlade eller ordning."
CASES_COUNT = "Antal ärenden"
CASES_LATEST = "Senast behandlade ärenden"
CASES_RECENT = "Behandlade de senaste 12 månaderna"
CASES_ORDER = {"dnr": "Diarienummer", "senast": "Senast behandlat först"}
CASES_SHOWN = "Visar {shown} av {n} ärenden."
CASES_FILTER = "Visa"
CASE_STATUS = "Var ärendet står"
CASE_LATEST = "Senast behandlat: {handled}"
CASE_TITLE = "{dnr} {title}"
CASE = "Ärende"
CASE_TIMELINE = "Behandling"
CASE_HANDLED = "Behandlat vid {count} sammanträden"
CASE_HANDLED_ONE = "Behandlat vid 1 sammanträde"
LAST_HANDLED = "Senast behandlat"
HANDLED_AT = "{body} {date}, § {number}"
YEAR_CASES = "Diarieår {year}"

ABOUT = "Om arkivet"
ORIGINAL_PDF = "Det justerade protokollet (PDF)"
CORRECTIONS = "Rättelser"
CORRECTED_ON = "Rättat {day}"
CORRECTIONS_NOTE = (
    "Protokollet har ändrats efter att det publicerades. Tidigare versioner finns kvar i arkivets "
    "historik och kan begäras ut som allmän handling."
)
CHECKSUM = "Kontrollsumma (SHA-512)"
SIGNATURE_STATUS = {
    "giltig": "Den elektroniska signaturen är giltig: dokumentet är oförändrat sedan det signerades",
    "ogiltig": (
        "Den elektroniska signaturen är inte giltig: dokumentet har ändrats efter signeringen eller "
        "signaturen är skadad"
    ),
    "oläsbar": "PDF-filens signatur kunde inte kontrolleras",
}
SIGNED_BY = "signerad av {name}"
NO_SIGNATURE = "PDF-filen har ingen inbäddad elektronisk signatur."


def file_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",") if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


ORIGINAL_PDF_REDACTED = "Det justerade protokollet, maskerat (PDF)"
STAFF_GUIDE = "Så publicerar du ett protokoll"

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def long_date(day: date) -> str:
    """26 oktober 2023."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def clock(value: time) -> str:
    return value.strftime("%H:%M")


def utc(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


def paragraph_count(count: int) -> str:
    return PARAGRAPH_COUNT_ONE if count == 1 else PARAGRAPH_COUNT.format(count=count)


def handled_count(count: int) -> str:
    return CASE_HANDLED_ONE if count == 1 else CASE_HANDLED.format(count=count)


YEARS = "År"
YEAR_TITLE = "{body} {year}"
MEETING_COUNT = "{count} sammanträden"
MEETING_COUNT_ONE = "1 sammanträde"
RELATED_CASES = "Relaterade ärenden"
PERSONS = "Personer"
PERSONS_INTRO = "Förtroendevalda och tjänstepersoner som förekommer i protokollen, efter efternamn."
PERSONS_LETTERS = "Efternamnens begynnelsebokstäver"
ALIASES = "Skrivs även"
ROLES = "Uppdrag"
BODY = "Organ"
FROM = "Från"
TO = "Till"
MEETINGS = "Sammanträden"
ATTENDED = "Närvarande vid sammanträden"
ADJUSTED_AS = "Justerare"
SIGNED_AS = "Undertecknade protokoll"
VOTES_CAST = "Omröstningar"
NOTHING_RECORDED = "Inget registrerat i arkivet."


def meeting_count(count: int) -> str:
    return MEETING_COUNT_ONE if count == 1 else MEETING_COUNT.format(count=count)


MENU = "Meny"
PREVIEW_ONE_NOTE = (
    "Förhandsvisning av ett protokoll: bara sidorna som visar det finns med. Sökning, flöden och "
    "öppna data byggs när arkivet publiceras."
)
PREVIEW_NOTE = (
    "Förhandsvisning: sidorna byggs om när en fil sparas. Textsökning, flöden, kalendrar och öppna "
    "data byggs bara när arkivet publiceras."
)
SEARCH_TITLE = "Sök i arkivet"
SEARCH_LABEL = "Sök ord eller diarienummer"
SEARCH_PLACEHOLDER = "Sök ord eller dnr"
SEARCH_BUTTON = "Sök"
SKIP_TO_CONTENT = "Gå till innehållet"
# The example is a case of this archive, in the organisation's own diarium.
SEARCH_HELP = (
    "Skriv ett eller flera ord, eller ett diarienummer som {full}, {short} eller {dashed}. "
    "Ett diarienummer leder direkt till ärendet."
)
SEARCH_NEEDS_JS = "Sökningen kräver JavaScript. Du kan också bläddra bland organ och ärenden i menyn."
ALL_BODIES = "Alla organ"
YEAR = "År"
ALL_YEARS = "Alla år"
KIND = "Typ"
ALL_KINDS = "Allt"
# Pagefind's "typ" filter: each indexed page is one of these.
KIND_MEETING = "Sammanträden"
KIND_CASE = "Ärenden"
KIND_PERSON = "Personer"
KIND_DOCUMENT = "Handlingar"  # a handling's own search result
ORDER = "Ordning"
# The search page's "ordning" parameter: Pagefind's relevance, or the "datum" sort key.
ORDERS = {"": "Mest relevant", "nyast": "Nyast först", "aldst": "Äldst först"}
SEARCH_TEXTS = {
    "empty": "Skriv ett sökord eller ett diarienummer.",
    "searching": "Söker …",
    "count": "{n} träffar för ”{q}”.",
    "count_one": "1 träff för ”{q}”.",
    "none": "Inga träffar för ”{q}”.",
    "more": "Visa fler träffar",
    "shown": "Visar {shown} av {n}.",
    "dnr_found": "Går till ärendet {dnr} …",
    "dnr_missing": "Diarienumret {dnr} finns inte i arkivet.",
    "dnr_ambiguous": "{n} ärenden har numret {dnr}. Välj ett:",
    "month": "Sammanträden i {month}:",
    "month_or_case": "”{q}” kan vara en månad eller ett diarienummer:",
    "month_none": "Inga sammanträden i {month}.",
    "case": "Ärendet {dnr}",
    "failed": "Sökningen kunde inte genomföras. Försök igen.",
}
PERSON = "Person"
# What a person was at a meeting when the protocol gives no role: by attendance group.
ROLE_OF_GROUP = {"beslutande": "ledamot", "ersättare": "ersättare", "övriga": "närvarande"}


def role_label(title: str | None, group: str) -> str:
    return title or ROLE_OF_GROUP[group]


NOTICE_BOARD = "Anslagstavla"
NOTICE_BOARD_INTRO = (
    "{organisation}s digitala anslagstavla (8 kap. kommunallagen). Här tillkännages att protokoll "
    "har justerats. Anslaget sitter uppe tills tiden för att överklaga har gått ut."
)
NOTICES_UP = "Anslag som sitter uppe {day}"
NO_NOTICES_UP = "Inga anslag sitter uppe i dag."
NOTICES_DOWN = "Nedtagna anslag"
NOTICES_DOWN_INTRO = "De senaste nedtagna anslagen. Alla anslag finns kvar på sammanträdenas sidor."
NOTICE_DOWN = "Nedtaget {day}"
NOTICE_DOWN_NOT_GIVEN = "Protokollet anger inte när anslaget togs ned"
NO_NOTICES_DOWN = "Inga anslag har tagits ned ännu."
NOTICE_ARCHIVE = "Alla anslag, per år"
NOTICE_ARCHIVE_TITLE = "Anslag {year}"
NOTICE_ARCHIVE_INTRO = "Alla anslag som sattes upp {year}, med sina datum och hur tiden för att överklaga gick."
APPEAL_ENDED = "Överklagandetiden gick ut {day}."
APPEAL_RUNNING = "Överklagandetiden går ut {day}."
NOTICE_STATUS_UP = "Anslaget sitter uppe till och med {day}."
NOTICE_STATUS_DOWN = "Anslaget är nedtaget ({day})."
NOTICE_STATUS_COMING = "Anslaget sätts upp {day}."
ADJUSTED_ON = "Justerat"
MEETING_DATE = "Sammanträdesdag"
READ_PROTOCOL = "Läs protokollet"
HOW_TO_APPEAL = "Så överklagar du ett beslut"
# Who may appeal depends on the organisation (organisation.yaml: överklagande_behöriga).
APPEAL_STANDING_DEFAULT = "medlem i kommunen"
HOW_TO_APPEAL_TEXT = (
    "Den som är {standing} kan överklaga ett beslut genom laglighetsprövning enligt 13 kap. kommunallagen.",
    "Överklagandet ska vara skriftligt och ställas till förvaltningsrätten. Skriv vilket beslut du "
    "överklagar (organ, datum och paragraf) och varför du anser att det ska upphävas.",
    "Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det "
    "anslogs på anslagstavlan att protokollet har justerats. Sista dagen står vid varje anslag. "
    "Alla skäl för att beslutet ska upphävas måste anges inom den tiden; nya skäl kan inte läggas "
    "till senare.",
)

FEED_TITLE = "{name}: nya protokoll"
FEED_ALL = "Protokoll från {organisation}"
FEED_LINK = "Nya protokoll (Atom-flöde)"
CALENDAR_LINK = "Sammanträden i kalendern (iCalendar)"
CALENDAR_NAME = "{name}: sammanträden"
CALENDAR_EVENT = "{body}: sammanträde"
CALENDAR_PLANNED = "{body}: planerat sammanträde"
CALENDAR_PROTOCOL = "Protokoll: {url}"
CALENDAR_BODY_PAGE = "Organets sida: {url}"
FOLLOW = "Följ"
CASE_FEED_TITLE = "Ärende {dnr} {title}"
PERSON_FEED_TITLE = "{name} i protokollen"
FEED_ATTENDED = "Närvarande vid sammanträdet."
FEED_VOTED = "Röstade {answer} i omröstningen."
FEED_RESERVED = "Reserverade sig mot beslutet."
FEED_DISQUALIFIED = "Anmälde jäv."
FOLLOW_CASE = "Följ ärendet (Atom-flöde)"
FOLLOW_PERSON = "Följ personen (Atom-flöde)"
FOLLOW_HOW = (
    "Lägg in flödets adress i en flödesläsare (RSS/Atom), eller i en e-posttjänst som skickar nya "
    "poster i ett flöde som e-post, så får du veta när ärendet behandlas igen."
)
REQUEST_DOCUMENTS = "Begär ut handlingar i ärendet"
REQUEST_SUBJECT = "Begäran om allmänna handlingar i ärende {dnr}"
REQUEST_BODY = "Jag vill ta del av handlingarna i ärende {dnr} ({title})."
DISQUALIFIED_AS = "Jäv"

OPEN_DATA = "Öppna data"
OPEN_DATA_INTRO = (
    "Allt i arkivet finns också som data, fritt att hämta. Protokollen är allmänna handlingar. "
    "Formaten följer OParl 1.1 där det passar: Meeting (sammanträde), AgendaItem (paragraf), "
    "Paper (ärende), Consultation (ärendets behandling), Organization (organ) och Person."
)
# What each open-data file holds; the paths come from ``generator.site.urls``.
OPEN_DATA_BULK = "Hela arkivet i en fil: organisationen, organen, alla sammanträden och ärenden."
OPEN_DATA_CSV = "Alla beslut i en tabell: datum, organ, paragraf, dnr, rubrik och beslut (UTF-8, kommaseparerad)."
OPEN_DATA_CSV_EXCEL = "Samma tabell att öppna i Excel med svenska inställningar (semikolonseparerad, UTF-8 med BOM)."
OPEN_DATA_MEETING = "Ett sammanträde, till exempel {example}."
OPEN_DATA_CASE = "Ett ärende med alla dess behandlingar, till exempel {example}."
OPEN_DATA_VOTES = (
    "Alla omröstningar som Popolo-data: vote_events med fråga, resultat och antal, votes med varje "
    "ledamots röst, länkade till personerna och paragraferna."
)
DCAT_TITLE = "Protokollarkiv – {organisation}"
DCAT_DESCRIPTION = "Öppna data från de justerade protokollen från {organisation}s sammanträden."
DCAT_DATASETS = {
    "arkiv": ("Sammanträden och ärenden", "Alla sammanträden med paragrafer, beslut och närvaro, och alla ärenden."),
    "beslut": ("Beslut", "Alla beslut i en tabell: datum, organ, paragraf, diarienummer, rubrik och beslut."),
    "omrostningar": ("Omröstningar", "Alla omröstningar med varje ledamots röst (Popolo)."),
}
OPEN_DATA_OPARL = (
    "OParl 1.1: systemet, organisationen, organen, personerna, sammanträdena med paragrafer och ärendena, "
    "för program som läser OParl (finns när både webbplatsens adress och organisationsnumret är angivna)."
)
OPEN_DATA_DCAT = (
    "Datakatalog enligt DCAT-AP-SE, för Sveriges dataportal (finns när både webbplatsens adress och "
    "organisationens organisationsnummer är angivna)."
)
OPEN_DATA_SCHEMAS = {
    "omrostningar": "JSON Schema för omröstningarna.",
    "mote": "JSON Schema för ett sammanträde.",
    "arende": "JSON Schema för ett ärende.",
    "arkiv": "JSON Schema för hela arkivet.",
}
DECISIONS_CSV_COLUMNS = ("datum", "organ", "paragraf", "dnr", "rubrik", "beslut", "sekretess", "webb")
OPEN_DATA_WITHHELD = "Paragrafer som inte publiceras har ingen text i data, bara nummer, rubrik, dnr och skäl."
FILE = "Fil"
CONTENTS = "Innehåll"

# The tillgänglighetsredogörelse (DOS-lagen, 2018:1937), in the parts DIGG asks for.
ACCESSIBILITY = "Tillgänglighetsredogörelse"
ACCESSIBILITY_INTRO = (
    "{organisation} står bakom den här webbplatsen, arkivet över protokollen från {short}s sammanträden. "
    "Vi vill att så många som möjligt ska kunna använda den. Här står hur webbplatsen uppfyller lagen "
    "(2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du "
    "meddelar oss brister som vi inte känner till."
)
ACCESSIBILITY_HOW = "Hur tillgänglig är webbplatsen?"
ACCESSIBILITY_CONFORMANCE = "Webbplatsen är {conformance} med lagen om tillgänglighet till digital offentlig service."
ACCESSIBILITY_BECAUSE = "Det beror på bristerna som beskrivs under ”Innehåll som inte är tillgängligt”."
ACCESSIBILITY_UNCHECKED = (
    "Vi känner inte till några brister, men webbplatsen har inte granskats manuellt och automatiska "
    "tester hittar inte alla."
)
ACCESSIBILITY_OTHER_FORM = "Vad kan du göra om du inte kan använda delar av webbplatsen?"
ACCESSIBILITY_OTHER_FORM_TEXT = (
    "Varje protokoll finns som text på sitt sammanträdes sida. Behöver du innehåll i en annan form, "
    "skriv till oss så svarar vi så snart vi kan."
)
ACCESSIBILITY_REPORT = "Rapportera brister i webbplatsens tillgänglighet"
ACCESSIBILITY_REPORT_TEXT = (
    "Upptäcker du problem som inte står på den här sidan, eller tycker du att vi inte uppfyller lagens "
    "krav, vill vi veta det."
)
ACCESSIBILITY_WRITE_TO = "Skriv till"
ACCESSIBILITY_NO_CONTACT = "Kontakta {organisation}."
ACCESSIBILITY_SUPERVISION = "Tillsyn"
ACCESSIBILITY_SUPERVISION_TEXT = (
    "Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Är du inte nöjd med hur vi tar "
    "hand om dina synpunkter kan du"
)
ACCESSIBILITY_DIGG_LINK = "anmäla det till Digg"
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"
ACCESSIBILITY_GAPS = "Innehåll som inte är tillgängligt"
ACCESSIBILITY_ORIGINALS = (
    "De undertecknade originalen (PDF) publiceras som de skrevs under och är inte anpassade för "
    "skärmläsare. Samma protokoll finns som tillgänglig text på sammanträdets sida."
)
ACCESSIBILITY_NO_GAPS = "Vi känner inte till något innehåll som inte är tillgängligt."
ACCESSIBILITY_TESTED = "Hur vi har testat webbplatsen"
ACCESSIBILITY_DEFAULT_METHOD = (
    "Självskattning. Arkivets programvara provas automatiskt mot WCAG 2.1 nivå AA, med axe-core i "
    "webbläsaren Chromium, på varje typ av sida innan en ny version tas i bruk. Ingen extern part har "
    "granskat webbplatsen."
)
ACCESSIBILITY_ASSESSED = "Bedömningen gjordes {day}."
ACCESSIBILITY_UPDATED = "Redogörelsen uppdaterades senast {day}."
FOOTER_CONTACT = "Kontakt"


# -- the portal over several organisations' archives (``arkiv portal``) ---------------------------

PORTAL_TITLE = "Sök i protokollarkiven"
PORTAL_INTRO = "En sökning i alla organisationernas publicerade protokoll på en gång."
PORTAL_LABEL = "Sök i alla arkiv"
PORTAL_BUTTON = "Sök"
PORTAL_MEMBERS = "Organisationerna"
PORTAL_OPARL = "OParl"
PORTAL_DCAT = "datakatalog (DCAT-AP-SE)"
PORTAL_SCRIPT_TEXTS = {
    "searching": "Söker …",
    "hits": "{n} träffar för ”{q}”",
    "none": "Inga träffar för ”{q}”",
}
