"""Reports from residents (meldingen) and confirming a help point in the OpenAPI document (issue 14).
How they work and what is stored: docs/meldingen.md."""

H = {"API-Version": {"$ref": "#/components/headers/API-Version"}}
HE = {**H, "ETag": {"$ref": "#/components/headers/ETag"}}
R = "#/components/responses/"

SOORTEN = ["openingstijden", "adres", "gesloten", "diensten", "anders"]
STATUSSEN = ["open", "afgehandeld", "afgewezen"]


def ref(name):
    return {"$ref": R + name}


def prob(desc):
    return {"description": desc, "headers": H,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}}}


def add_meldingen(doc):
    c = doc["components"]
    c["parameters"]["MeldingId"] = {"name": "id", "in": "path", "required": True, "description": "Het id van de melding",
                                    "schema": {"type": "integer", "minimum": 1}, "example": 12}
    c["responses"]["TeVeelMeldingen"] = prob("Te veel meldingen: hoogstens 5 per adres per uur en 50 per informatiepunt per dag; zie Retry-After")
    c["responses"]["AlAfgesloten"] = prob("De melding is al afgesloten")
    s = c["schemas"]
    s["NieuweMelding"] = {
        "type": "object", "required": ["soort"], "additionalProperties": False,
        "description": "Vraag geen persoonsgegevens: geen naam, e-mailadres of telefoonnummer.",
        "properties": {"soort": {"type": "string", "enum": SOORTEN, "description": "Wat er niet klopt"},
                       "toelichting": {"type": "string", "maxLength": 500,
                                       "description": "Optioneel, hoogstens 500 tekens; regeleinden mogen, andere stuurcodes niet"}}}
    s["MeldingOntvangen"] = {"type": "object", "required": ["id", "samengevoegd"], "properties": {
        "id": {"type": "integer", "description": "Het id van de melding (bij samengevoegd: van de open melding die er al was)"},
        "samengevoegd": {"type": "boolean", "description": "true als er al een open melding van dezelfde soort met dezelfde (of geen) tekst was"}}}
    s["Melding"] = {"type": "object", "required": ["id", "informatiepunt", "soort", "toelichting", "status", "ontvangen"], "properties": {
        "id": {"type": "integer"}, "informatiepunt": {"type": "string", "description": "Het id van het informatiepunt"},
        "soort": {"type": "string", "enum": SOORTEN},
        "toelichting": {"type": "string", "description": "De tekst van de inwoner (kan leeg zijn). Toon hem als tekst, nooit als HTML."},
        "status": {"type": "string", "enum": STATUSSEN}, "ontvangen": {"type": "string", "format": "date-time"},
        "aantal": {"type": "integer", "description": "Hoeveel meldingen hierin zijn samengevoegd"},
        "afgesloten": {"type": "string", "format": "date-time", "nullable": True},
        "antwoord": {"type": "string", "nullable": True}}}
    s["Meldingen"] = {"type": "object", "required": ["meldingen"], "properties": {
        "meldingen": {"type": "array", "items": {"$ref": "#/components/schemas/Melding"}}}}
    s["MeldingAfsluiten"] = {"type": "object", "required": ["status", "antwoord"], "additionalProperties": False, "properties": {
        "status": {"type": "string", "enum": ["afgehandeld", "afgewezen"]},
        "antwoord": {"type": "string", "minLength": 1, "maxLength": 1000, "description": "Wat er met de melding is gedaan"}}}
    s["Wijziging"]["properties"]["actie"]["enum"] += ["melding-ontvangen", "melding-samengevoegd", "melding-afgehandeld",
                                                       "melding-afgewezen", "melding-verwijderd", "gecontroleerd"]

    sec = [{"sleutel": []}]
    auth = {"401": ref("NietGeauthenticeerd"), "403": ref("GeenToegang"), "404": ref("NietGevonden"), "429": ref("TeVeel"),
            "500": ref("InterneFout"), "503": ref("NietBeschikbaar")}
    melding_ok = {"description": "De melding", "headers": HE, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Melding"}}}}
    received = {"description": "", "headers": H, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeldingOntvangen"}}}}
    mid = {"$ref": "#/components/parameters/MeldingId"}
    p = doc["paths"]
    p["/informatiepunten/{id}/meldingen"] = {"post": {
        "tags": ["Meldingen"], "operationId": "meldingDoen", "summary": "Melden dat iets van een informatiepunt niet klopt (zonder account)",
        "description": "Voor inwoners: geen account, geen naam, geen e-mailadres, geen cookie. Het IP-adres telt alleen in het geheugen mee "
                       "voor de grens van 5 meldingen per uur en wordt niet bewaard of gelogd. Een melding die een open melding van dezelfde "
                       "soort herhaalt (dezelfde tekst, of geen tekst) wordt daarbij geteld: antwoord 200 met het id van die melding en "
                       "`samengevoegd: true`. Zie docs/meldingen.md.",
        "parameters": [{"$ref": "#/components/parameters/Id"}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NieuweMelding"}}}},
        "responses": {"201": {**received, "description": "Opgeslagen",
                              "headers": {**H, "Location": {"description": "URL van de melding (alleen met sleutel te lezen)", "schema": {"type": "string"}}}},
                      "200": {**received, "description": "Samengevoegd met een open melding"},
                      "400": ref("OngeldigVerzoek"), "404": ref("NietGevonden"), "413": ref("TeGroot"), "415": ref("VerkeerdMediatype"),
                      "429": ref("TeVeelMeldingen"), "500": ref("InterneFout"), "503": ref("NietBeschikbaar")}}}
    p["/meldingen"] = {"get": {
        "tags": ["Meldingen"], "operationId": "meldingen", "summary": "De meldingen waar deze sleutel over gaat",
        "description": "Een bibliotheek ziet die van de informatiepunten van haar organisatie, een gemeente die binnen haar grenzen, "
                       "een beheerder alle. Oudste eerst.",
        "security": sec,
        "parameters": [{"name": "status", "in": "query", "required": False, "description": "Alleen meldingen met deze status (standaard alle)",
                        "schema": {"type": "string", "enum": STATUSSEN}, "example": "open"}],
        "responses": {"200": {"description": "De meldingen", "headers": H,
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Meldingen"}}}},
                      "400": ref("OngeldigVerzoek"), **{k: v for k, v in auth.items() if k not in ("403", "404")}}}}
    p["/meldingen/{id}"] = {
        "get": {"tags": ["Meldingen"], "operationId": "melding", "summary": "Een melding, met haar ETag", "security": sec,
                "parameters": [mid], "responses": {"200": melding_ok, "400": ref("OngeldigVerzoek"), **auth}},
        "patch": {"tags": ["Meldingen"], "operationId": "meldingAfsluiten", "summary": "Een melding afsluiten: afgehandeld of afgewezen, met een antwoord",
                  "security": sec, "parameters": [mid, {"$ref": "#/components/parameters/IfMatch"}],
                  "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MeldingAfsluiten"}}}},
                  "responses": {"200": melding_ok, "400": ref("OngeldigVerzoek"), **auth, "409": ref("AlAfgesloten"), "412": ref("VersieConflict"),
                                "413": ref("TeGroot"), "415": ref("VerkeerdMediatype"), "428": ref("VoorwaardeVereist")}}}
    p["/informatiepunten/{id}/controle"] = {"post": {
        "tags": ["Beheer"], "operationId": "informatiepuntControleren",
        "summary": "Bevestigen dat een informatiepunt nog klopt: laatstGecontroleerd wordt vandaag",
        "description": "Zet `laatstGecontroleerd` op de datum van vandaag (Europe/Amsterdam) en verandert verder niets; zonder inhoud. "
                       "Komt in de wijzigingen als `gecontroleerd`, ook als de datum al vandaag was.",
        "security": sec, "parameters": [{"$ref": "#/components/parameters/Id"}, {"$ref": "#/components/parameters/IfMatch"}],
        "responses": {"200": {"description": "Het informatiepunt na de controle", "headers": HE,
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Informatiepunt"}}}},
                      "400": ref("OngeldigVerzoek"), **auth, "412": ref("VersieConflict"), "428": ref("VoorwaardeVereist")}}}
    doc["tags"].append({"name": "Meldingen", "description": "Inwoners melden fouten, eigenaren handelen ze af (docs/meldingen.md)"})
