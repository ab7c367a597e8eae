"""The coverage endpoints in the OpenAPI document (issue 13): how far residents live from a help point,
per municipality and for the country. The method: docs/bereikbaarheid.md."""

H = {"API-Version": {"$ref": "#/components/headers/API-Version"}}
P400 = {"$ref": "#/components/responses/OngeldigVerzoek"}
P404 = {"$ref": "#/components/responses/NietGevonden"}
P500 = {"$ref": "#/components/responses/InterneFout"}
P503 = {"$ref": "#/components/responses/NietBeschikbaar"}


def ok(schema, desc):
    return {"description": desc, "headers": H, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/" + schema}}}}


def q(name, desc, schema, example):
    return {"name": name, "in": "query", "required": False, "description": desc, "schema": schema, "example": example}


SOORTEN = ["ido-voorbeeld", "bibliotheekgebouw", "gegenereerd", "beheer", "import"]

METHODE = ("Per postcodegebied (PC4) de inwoners op 1 januari 2021 (CBS), op een punt binnen het gebied, en de afstand in rechte lijn "
           "(RD New, meters) tot het dichtstbijzijnde meegetelde informatiepunt in heel Nederland: inwoners steken de gemeentegrens over. "
           "Over de weg is het verder; vergelijk gemeenten en scenario's met elkaar, niet met reistijden. Zie docs/bereikbaarheid.md.\n\n"
           "`witteVlekken` zijn de postcodegebieden met inwoners die verder dan de **grootste** van de `afstanden` van een informatiepunt wonen, "
           "de grootste (meeste inwoners) eerst, hoogstens 25; `aantalWitteVlekken` zegt hoeveel het er in totaal zijn. De grootste afstand, "
           "omdat daar de inwoners wonen die het verst van hulp af zitten: bij 1 km zou bijna elk dorp een witte vlek zijn. Elke vlek noemt "
           "haar eigen afstand; wie de vlekken voor 3 km wil zien, vraagt afstanden=3000.")

PARAMS = [
    q("afstanden", "De grenzen voor `binnen`, in meters, komma-gescheiden: 1 tot en met 8 waarden, elk 100 tot en met 50000, geen dubbele. "
                   "Standaard 1000,3000,5000,10000.", {"type": "string"}, "1000,3000,5000,10000"),
    q("herkomst", "Welke informatiepunten meetellen, naar `herkomst.soort`, komma-gescheiden: " + ", ".join(SOORTEN) +
                  ". Standaard tellen alle informatiepunten mee, ook die met een andere soort.", {"type": "string"}, "ido-voorbeeld"),
    q("extraLocaties", "Wat als: tot 10 posities die meetellen als informatiepunt, elk breedtegraad,lengtegraad (WGS84), gescheiden door "
                       "puntkomma's. Elke positie ligt in een Nederlandse gemeente (niet in zee).", {"type": "string"}, "52.09,5.12;52.37,4.89"),
]

CODES = ("Bij de bereikbaarheid is `code` een van: `ongeldig-getal` (geen getal in `afstanden`), `buiten-bereik` (een afstand buiten "
         "100..50000), `ongeldig-aantal` (0 of meer dan 8 afstanden, meer dan 10 `extraLocaties`), `dubbele-waarde` (een afstand twee keer), "
         "`ongeldige-waarde` (een onbekende `herkomst`), `geen-informatiepunten` (met deze `herkomst` telt niets mee), "
         "`ongeldige-coordinaat` (een extra locatie die geen lat,lon is) en `buiten-nederland` (een extra locatie in geen Nederlandse gemeente)")


def add_coverage(doc):
    doc["tags"].append({"name": "Bereikbaarheid", "description": "Hoe ver inwoners van een informatiepunt wonen, voor gemeenten (regie op het IDO-netwerk)"})
    p = doc["paths"]
    p["/gemeenten/{gemeentecode}/bereikbaarheid"] = {"get": {
        "tags": ["Bereikbaarheid"], "operationId": "gemeenteBereikbaarheid",
        "summary": "Hoe ver de inwoners van een gemeente van een informatiepunt wonen",
        "description": METHODE,
        "parameters": [{"$ref": "#/components/parameters/Gemeentecode"}] + PARAMS,
        "responses": {"200": ok("Bereikbaarheid", "De cijfers van de gemeente"), "400": P400, "404": P404, "500": P500, "503": P503}}}
    p["/bereikbaarheid"] = {"get": {
        "tags": ["Bereikbaarheid"], "operationId": "bereikbaarheid",
        "summary": "Hoe ver de inwoners van Nederland van een informatiepunt wonen, en per gemeente",
        "description": METHODE + "\n\nDe cijfers voor de standaardvraag (zonder parameters) worden per stand van de gegevens een keer berekend; "
                                 "het antwoord heeft dan een ETag.",
        "parameters": PARAMS,
        "responses": {"200": ok("BereikbaarheidLand", "De cijfers van het land en van elke gemeente"), "400": P400, "500": P500, "503": P503}}}

    p["/gemeenten/{gemeentecode}/advies"] = {"get": {
        "tags": ["Bereikbaarheid"], "operationId": "gemeenteAdvies",
        "summary": "Waar een volgend informatiepunt de meeste inwoners binnen bereik brengt",
        "description": "Kandidaten zijn de bibliotheekgebouwen en de postcodegebieden (PC4) van de gemeente zonder informatiepunt binnen 100 m. "
                       "Eén locatie: de kandidaat die de meeste inwoners van de gemeente van verder dan `binnen` naar binnen `binnen` brengt "
                       "(bij gelijkspel eerst een bibliotheek, dan de laagste postcode). Meer locaties: steeds de beste gegeven de vorige "
                       "(gulzig; maximale dekking exact is NP-moeilijk, gulzig haalt minstens 63% van het optimum). Minder locaties dan gevraagd "
                       "als geen kandidaat er nog iemand bij brengt. Afstanden hemelsbreed, zoals bij de bereikbaarheid.",
        "parameters": [{"$ref": "#/components/parameters/Gemeentecode"},
                       q("aantal", "Aantal locaties, 1 tot en met 5 (standaard 1).", {"type": "integer", "minimum": 1, "maximum": 5}, 1),
                       q("binnen", "De afstand in meters die telt, 100 tot en met 50000 (standaard 3000).", {"type": "integer", "minimum": 100, "maximum": 50000}, 3000)],
        "responses": {"200": ok("Advies", "De geadviseerde locaties"), "400": P400, "404": P404, "500": P500, "503": P503}}}

    p["/gemeenten/{gemeentecode}/overzicht"] = {"get": {
        "tags": ["Bereikbaarheid"], "operationId": "gemeenteOverzicht",
        "summary": "Spreekuren, diensten en actualiteit van de informatiepunten van een gemeente",
        "description": "Voor de meegetelde informatiepunten in de gemeente: spreekuururen per week, gemiddeld over de komende vier weken vanaf "
                       "`tijdstip` (feestdagen meegerekend; elke balie telt apart, alleen `open` tijd telt), gesplitst in inloop, op afspraak en "
                       "onbekend, en daarvan de uren na 18:00 en op zaterdag (Europe/Amsterdam); uren per 10.000 inwoners (CBS 2021, dezelfde "
                       "inwoners als de bereikbaarheid); welke diensten er zijn en welke ontbreken; en welke records aan controle toe zijn "
                       "(`laatstGecontroleerd` leeg of meer dan 12 maanden oud). Uren in twee decimalen.",
        "parameters": [{"$ref": "#/components/parameters/Gemeentecode"},
                       q("tijdstip", "Begin van de vier weken (RFC 3339 met tijdzone); standaard nu.", {"type": "string", "format": "date-time"}, "2026-12-21T00:00:00+01:00"),
                       PARAMS[1]],
        "responses": {"200": ok("Overzicht", "Het overzicht van de gemeente"), "400": P400, "404": P404, "500": P500, "503": P503}}}

    s = doc["components"]["schemas"]
    hours = {"type": "number", "minimum": 0}
    s["Uren"] = {"type": "object", "description": "Spreekuururen per week", "required": ["perWeek", "inloop", "opAfspraak", "werkwijzeOnbekend", "avond", "zaterdag"],
                 "properties": {"perWeek": {**hours, "description": "Alle open spreekuururen"},
                                "inloop": {**hours, "description": "Waarvan zonder afspraak"},
                                "opAfspraak": {**hours, "description": "Waarvan op afspraak"},
                                "werkwijzeOnbekend": {**hours, "description": "Waarvan niet bekend of het op afspraak is"},
                                "avond": {**hours, "description": "Waarvan na 18:00"},
                                "zaterdag": {**hours, "description": "Waarvan op zaterdag"}}}
    s["OverzichtInformatiepunt"] = {"type": "object", "required": ["id", "naam", "herkomst", "diensten", "uren", "tijdenOnbekend", "laatstGecontroleerd", "teControleren"],
        "properties": {"id": {"type": "string"}, "naam": {"type": "string"},
                       "herkomst": {"type": "string", "description": "`herkomst.soort` van het record"},
                       "diensten": {"type": "array", "items": {"$ref": "#/components/schemas/Dienst"}},
                       "uren": {"$ref": "#/components/schemas/Uren"},
                       "tijdenOnbekend": {"type": "boolean", "description": "Geen enkele balie heeft bekende openingstijden"},
                       "laatstGecontroleerd": {"type": "string", "nullable": True},
                       "teControleren": {"type": "boolean"}}}
    s["Overzicht"] = {"type": "object", "required": ["gemeentecode", "naam", "vanaf", "tot", "inwoners", "uren", "urenPer10000Inwoners",
                                                     "aangebodenDiensten", "ontbrekendeDiensten", "teControleren", "informatiepunten", "meegeteld"],
        "properties": {"gemeentecode": {"type": "string", "example": "GM0363"}, "naam": {"type": "string"},
                       "vanaf": {"type": "string", "format": "date-time"}, "tot": {"type": "string", "format": "date-time", "description": "vanaf + 4 weken"},
                       "inwoners": {"type": "integer"}, "uren": {"$ref": "#/components/schemas/Uren"},
                       "urenPer10000Inwoners": {"type": "number", "nullable": True},
                       "aangebodenDiensten": {"type": "array", "items": {"type": "string"}},
                       "ontbrekendeDiensten": {"type": "array", "items": {"$ref": "#/components/schemas/Dienst"}},
                       "teControleren": {"type": "array", "description": "Ids van de informatiepunten die aan controle toe zijn", "items": {"type": "string"}},
                       "informatiepunten": {"type": "array", "items": {"$ref": "#/components/schemas/OverzichtInformatiepunt"}},
                       "meegeteld": {"type": "array", "items": {"type": "string"}}}}
    s["AdviesLocatie"] = {"type": "object", "required": ["geometrie", "soort", "extraInwonersBinnen", "aandeelNa"], "properties": {
        "geometrie": {"$ref": "#/components/schemas/Punt"},
        "soort": {"type": "string", "enum": ["bibliotheek", "postcode"], "description": "Een bibliotheekgebouw, of een punt binnen een postcodegebied"},
        "id": {"type": "string", "description": "Bij een bibliotheek: het id van het gebouw"},
        "naam": {"type": "string", "description": "Bij een bibliotheek: de naam"},
        "postcode": {"type": "string", "description": "Bij een postcodegebied: de PC4"},
        "woonplaats": {"type": "string", "description": "Bij een postcodegebied: de belangrijkste woonplaats"},
        "extraInwonersBinnen": {"type": "integer", "description": "Inwoners die hierdoor binnen `binnen` komen, na de locaties ervoor"},
        "aandeelNa": {"type": "number", "nullable": True, "minimum": 0, "maximum": 1, "description": "Aandeel inwoners binnen `binnen` met deze en de vorige locaties"}}}
    s["Advies"] = {"type": "object", "required": ["gemeentecode", "naam", "binnen", "inwoners", "aandeelNu", "locaties"], "properties": {
        "gemeentecode": {"type": "string", "example": "GM0363"}, "naam": {"type": "string"},
        "binnen": {"type": "integer", "description": "Meters"}, "inwoners": {"type": "integer"},
        "aandeelNu": {"type": "number", "nullable": True, "description": "Aandeel inwoners binnen `binnen` zonder nieuwe locatie"},
        "locaties": {"type": "array", "maxItems": 5, "items": {"$ref": "#/components/schemas/AdviesLocatie"}}}}
    s["OngeldigeParameter"]["properties"]["code"]["description"] += ". " + CODES
    metres = {"type": "integer", "nullable": True, "description": "Meters, afgerond; null zonder inwoners"}
    figures = {
        "inwoners": {"type": "integer", "description": "Inwoners op `bevolkingPeildatum` (CBS, per PC4)"},
        "gemiddeldeAfstand": {**metres, "description": "Gemiddelde afstand tot het dichtstbijzijnde informatiepunt, gewogen naar inwoners; meters, afgerond"},
        "medianeAfstand": {**metres, "description": "De afstand waarbinnen ten minste de helft van de inwoners woont; meters, afgerond"},
        "binnen": {"type": "array", "description": "Per waarde van `afstanden`, in die volgorde", "items": {"$ref": "#/components/schemas/InwonersBinnen"}},
        "meegeteld": {"type": "array", "description": "De `herkomst.soort`en die meetellen", "items": {"type": "string"}},
        "bevolkingPeildatum": {"type": "string", "format": "date", "example": "2021-01-01"},
        "methode": {"type": "string", "enum": ["hemelsbreed"], "description": "Afstand in rechte lijn (RD New)"},
    }
    gaps = {
        "witteVlekken": {"type": "array", "maxItems": 25, "description": "Postcodegebieden verder dan de grootste afstand, meeste inwoners eerst",
                         "items": {"$ref": "#/components/schemas/WitteVlek"}},
        "aantalWitteVlekken": {"type": "integer", "description": "Alle witte vlekken, ook die niet in de lijst staan"},
    }
    required = ["inwoners", "gemiddeldeAfstand", "medianeAfstand", "binnen", "meegeteld", "bevolkingPeildatum", "methode"]
    municipality = {"gemeentecode": {"type": "string", "example": "GM0363"}, "naam": {"type": "string"},
                    "aantalInformatiepunten": {"type": "integer", "description": "Meegetelde informatiepunten in de gemeente"}}
    s["InwonersBinnen"] = {"type": "object", "required": ["afstand", "inwoners", "aandeel"], "properties": {
        "afstand": {"type": "integer", "description": "Meters"},
        "inwoners": {"type": "integer", "description": "Inwoners met een informatiepunt op ten hoogste `afstand`"},
        "aandeel": {"type": "number", "nullable": True, "minimum": 0, "maximum": 1, "description": "inwoners / alle inwoners; null zonder inwoners"}}}
    s["WitteVlek"] = {"type": "object", "required": ["postcode", "woonplaats", "inwoners", "afstand"], "properties": {
        "postcode": {"type": "string", "pattern": "^[1-9][0-9]{3}$", "example": "9976"},
        "woonplaats": {"type": "string", "nullable": True, "description": "De belangrijkste woonplaats van het postcodegebied"},
        "inwoners": {"type": "integer"},
        "afstand": {"type": "integer", "description": "Meters tot het dichtstbijzijnde meegetelde informatiepunt"}}}
    s["BereikbaarheidGemeente"] = {"type": "object", "required": ["gemeentecode", "naam", "aantalInformatiepunten"] + required,
                                   "properties": {**municipality, **figures}}
    s["Bereikbaarheid"] = {"type": "object", "required": ["gemeentecode", "naam", "aantalInformatiepunten"] + required + list(gaps),
                           "properties": {**municipality, **figures, **gaps}}
    s["BereikbaarheidLand"] = {"type": "object", "required": ["aantalInformatiepunten", "gemeenten"] + required + list(gaps), "properties": {
        "aantalInformatiepunten": {"type": "integer", "description": "Meegetelde informatiepunten in Nederland (zonder `extraLocaties`)"},
        **figures, **gaps,
        "gemeenten": {"type": "array", "description": "Elke gemeente, op gemeentecode", "items": {"$ref": "#/components/schemas/BereikbaarheidGemeente"}}}}
