"""The municipal data in the OpenAPI document (issue 13, section 3): the partners a municipality directs
(regisseur), its financing figures (financier), the coverage figures kept per quarter and the report for
the council. How to use them: docs/gemeente-gegevens.md."""

H = {"API-Version": {"$ref": "#/components/headers/API-Version"}}
HE = {**H, "ETag": {"$ref": "#/components/headers/ETag"}}


def ref(kind, name):
    return {"$ref": "#/components/" + kind + "/" + name}


def ok(schema, desc, headers=None):
    return {"description": desc, "headers": headers or H, "content": {"application/json": {"schema": ref("schemas", schema)}}}


SOORTEN = ["taalhuis", "belastingspreekuur", "formulierenhulp", "schuldhulp", "anders"]
TABELLEN = ["locaties", "openingstijden", "diensten", "bereikbaarheid", "wijzigingen"]
TEXT = {"type": "string", "nullable": True}


def add_gemeentedata(doc):
    doc["tags"].append({"name": "Gemeentegegevens", "description": "Wat een gemeente zelf bijhoudt (partners, financiering) en de rapportage voor de raad"})
    c = doc["components"]
    s = c["schemas"]
    s["Partner"] = {"type": "object", "required": ["id", "naam", "soort", "versie"], "properties": {
        "id": {"type": "integer"}, "naam": {"type": "string", "maxLength": 100}, "soort": {"type": "string", "enum": SOORTEN},
        "omschrijving": TEXT, "adres": TEXT, "telefoon": TEXT, "email": TEXT, "website": TEXT,
        "versie": {"type": "integer", "description": "Dezelfde waarde als de ETag; stuur die in If-Match bij wijzigen of verwijderen"}}}
    s["PartnerInvoer"] = {"type": "object", "required": ["naam", "soort"], "additionalProperties": False, "properties": {
        "naam": {"type": "string", "minLength": 1, "maxLength": 100}, "soort": {"type": "string", "enum": SOORTEN},
        "omschrijving": {"type": "string", "maxLength": 500, "nullable": True}, "adres": {"type": "string", "maxLength": 200, "nullable": True},
        "telefoon": {"type": "string", "nullable": True, "description": "6 tot 30 cijfers, spaties, +, -, ( of )"},
        "email": {"type": "string", "format": "email", "nullable": True},
        "website": {"type": "string", "format": "uri", "nullable": True, "description": "Begint met https:// (of http://)"}}}
    s["Partners"] = {"type": "object", "required": ["partners"], "properties": {"partners": {"type": "array", "items": ref("schemas", "Partner")}}}
    s["Bedrag"] = {"type": "object", "required": ["jaar", "bedrag", "bron", "ingevoerd"], "properties": {
        "jaar": {"type": "integer"}, "bedrag": {"type": "number", "minimum": 0, "description": "Euro"},
        "bron": {"type": "string", "description": "Waar het bedrag vandaan komt (door de gemeente opgegeven)"},
        "ingevoerd": {"type": "string", "format": "date-time"}}}
    s["Financiering"] = {"type": "object", "required": ["gemeentecode", "bedragen"], "properties": {
        "gemeentecode": {"type": "string"}, "bedragen": {"type": "array", "items": ref("schemas", "Bedrag")}}}
    s["BedragInvoer"] = {"type": "object", "required": ["bedrag", "bron"], "additionalProperties": False, "properties": {
        "bedrag": {"type": "number", "minimum": 0}, "bron": {"type": "string", "minLength": 1, "maxLength": 300}}}
    s["Kwartaal"] = {"type": "object", "required": ["kwartaal", "inwoners", "binnen", "urenPerWeek", "informatiepunten"], "properties": {
        "kwartaal": {"type": "string", "pattern": "^[0-9]{4}-K[1-4]$", "example": "2026-K4"},
        "vastgelegd": {"type": "string", "format": "date-time"}, "inwoners": {"type": "integer"},
        "gemiddeldeAfstand": {"type": "number", "nullable": True, "description": "Meter"},
        "medianeAfstand": {"type": "number", "nullable": True, "description": "Meter"},
        "binnen": {"type": "array", "items": {"type": "object", "properties": {
            "afstand": {"type": "integer"}, "inwoners": {"type": "integer"}, "aandeel": {"type": "number", "nullable": True}}}},
        "urenPerWeek": {"type": "number"}, "informatiepunten": {"type": "integer"}}}
    s["Kwartalen"] = {"type": "object", "required": ["gemeentecode", "kwartalen", "land"], "properties": {
        "gemeentecode": {"type": "string"},
        "kwartalen": {"type": "array", "items": ref("schemas", "Kwartaal"), "description": "Oudste eerst"},
        "land": {"type": "array", "items": ref("schemas", "Kwartaal"), "description": "Dezelfde cijfers voor heel Nederland, oudste eerst"}}}

    sec = [{"sleutel": []}]
    g = ref("parameters", "Gemeentecode")
    ifm = ref("parameters", "IfMatch")
    pid = {"name": "id", "in": "path", "required": True, "description": "Het id van de partner", "schema": {"type": "integer", "minimum": 1}, "example": 1}
    r = {k: ref("responses", v) for k, v in {"400": "OngeldigVerzoek", "401": "NietGeauthenticeerd", "403": "GeenToegang", "404": "NietGevonden",
                                              "412": "VersieConflict", "413": "TeGroot", "415": "VerkeerdMediatype", "428": "VoorwaardeVereist",
                                              "429": "TeVeel", "500": "InterneFout", "503": "NietBeschikbaar"}.items()}
    read = {k: r[k] for k in ("400", "404", "500", "503")}
    write = {k: r[k] for k in ("400", "401", "403", "404", "413", "415", "429", "500", "503")}
    edit = {**write, "412": r["412"], "428": r["428"]}
    body = {"required": True, "content": {"application/json": {"schema": ref("schemas", "PartnerInvoer")}}}
    who = " Met een sleutel van deze gemeente of van een beheerder; een sleutel van een bibliotheek krijgt 403."
    p = doc["paths"]
    p["/gemeenten/{gemeentecode}/partners"] = {
        "get": {"tags": ["Gemeentegegevens"], "operationId": "gemeentePartners", "summary": "De lokale partners van een gemeente (regie)",
                "description": "Organisaties die de gemeente rond het IDO inzet, zoals het Taalhuis of een belastingspreekuur. Openbaar: de widget toont ze.",
                "parameters": [g], "responses": {"200": ok("Partners", "De partners, op id"), **read}},
        "post": {"tags": ["Gemeentegegevens"], "operationId": "gemeentePartnerToevoegen", "summary": "Een partner toevoegen",
                 "description": who, "security": sec, "parameters": [g], "requestBody": body,
                 "responses": {"201": {**ok("Partner", "Toegevoegd", HE), "headers": {**HE, "Location": {"description": "URL van de partner", "schema": {"type": "string"}}}},
                               **write}}}
    p["/gemeenten/{gemeentecode}/partners/{id}"] = {
        "get": {"tags": ["Gemeentegegevens"], "operationId": "gemeentePartner", "summary": "Een partner, met zijn ETag",
                "parameters": [g, pid], "responses": {"200": ok("Partner", "De partner", HE), **read}},
        "put": {"tags": ["Gemeentegegevens"], "operationId": "gemeentePartnerVervangen", "summary": "Een partner vervangen",
                "description": who, "security": sec, "parameters": [g, pid, ifm], "requestBody": body,
                "responses": {"200": ok("Partner", "De partner na de wijziging", HE), **edit}},
        "delete": {"tags": ["Gemeentegegevens"], "operationId": "gemeentePartnerVerwijderen", "summary": "Een partner verwijderen (de geschiedenis blijft)",
                   "description": who, "security": sec, "parameters": [g, pid, ifm],
                   "responses": {"204": {"description": "Verwijderd", "headers": H}, **{k: v for k, v in edit.items() if k not in ("413", "415")}}}}
    p["/gemeenten/{gemeentecode}/financiering"] = {"get": {
        "tags": ["Gemeentegegevens"], "operationId": "gemeenteFinanciering", "summary": "Wat de gemeente per jaar aan het IDO besteedt",
        "description": "Alleen bedragen die de gemeente zelf invoerde, elk met de bron die zij opgaf; de dienst schat nooit een bedrag.",
        "parameters": [g], "responses": {"200": ok("Financiering", "De bedragen, op jaar"), **read}}}
    p["/gemeenten/{gemeentecode}/financiering/{jaar}"] = {"put": {
        "tags": ["Gemeentegegevens"], "operationId": "gemeenteFinancieringInvoeren", "summary": "Het bedrag van een jaar invoeren of vervangen",
        "description": "`jaar` is 2023 (het begin van de specifieke uitkering) tot en met volgend jaar; `bron` is verplicht." + who,
        "security": sec,
        "parameters": [g, {"name": "jaar", "in": "path", "required": True, "description": "Het begrotingsjaar", "schema": {"type": "integer", "minimum": 2023}, "example": 2026}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref("schemas", "BedragInvoer")}}},
        "responses": {"200": ok("Bedrag", "Vervangen"), "201": ok("Bedrag", "Nieuw ingevoerd"), **write}}}
    p["/gemeenten/{gemeentecode}/kwartalen"] = {"get": {
        "tags": ["Gemeentegegevens"], "operationId": "gemeenteKwartalen", "summary": "De bereikbaarheidscijfers per kwartaal",
        "description": "Elk kwartaal legt de dienst de cijfers van elke gemeente en van het land een keer vast (bij het starten en na elke controle "
                       "op nieuwe gegevens, als het kwartaal nog geen cijfers heeft), met de afstanden 1, 3, 5 en 10 km en de spreekuren van de "
                       "komende vier weken. Zo vergelijkt het rapport van volgend jaar met dat van dit jaar.",
        "parameters": [g], "responses": {"200": ok("Kwartalen", "De kwartalen, oudste eerst"), **read}}}
    p["/gemeenten/{gemeentecode}/rapport"] = {"get": {
        "tags": ["Gemeentegegevens"], "operationId": "gemeenteRapport", "summary": "Het rapport voor de raad, als xlsx of csv",
        "description": "`formaat=xlsx`: een werkmap met een blad per tabel (" + ", ".join(TABELLEN) + "), een kopregel, getallen als getallen. "
                       "`formaat=csv&tabel=...`: een tabel als CSV (RFC 4180, UTF-8 met BOM, formules onschadelijk gemaakt met een '). "
                       "De wijzigingen zijn die van dit jaar aan de informatiepunten van de gemeente, zonder wie ze maakte.",
        "parameters": [g,
                       {"name": "formaat", "in": "query", "required": True, "description": "xlsx of csv", "schema": {"type": "string", "enum": ["xlsx", "csv"]}, "example": "xlsx"},
                       {"name": "tabel", "in": "query", "required": False, "description": "Bij csv verplicht: welke tabel", "schema": {"type": "string", "enum": TABELLEN}, "example": "locaties"}],
        "responses": {"200": {"description": "Het bestand (Content-Disposition noemt de bestandsnaam)", "headers": H, "content": {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
            "text/csv": {"schema": {"type": "string"}}}}, **read}}}
