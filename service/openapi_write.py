"""The write API in the OpenAPI document: tokens, If-Match, the edits and the audit log."""

H = {"API-Version": {"$ref": "#/components/headers/API-Version"}}
HE = {**H, "ETag": {"$ref": "#/components/headers/ETag"}}


def prob(desc):
    return {"description": desc, "headers": H,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}}}


def add_write(doc):
    c = doc["components"]
    c["headers"]["ETag"] = {"description": "De versie van het informatiepunt; stuur hem terug in If-Match", "schema": {"type": "string", "example": "\"3\""}}
    c.setdefault("securitySchemes", {})["sleutel"] = {
        "type": "http", "scheme": "bearer",
        "description": "Een sleutel (token) van een bibliotheek (eigen organisatie), gemeente (eigen gemeente) of beheerder. "
                       "Wordt gemaakt met `ido-vinder token create` en alleen als hash bewaard."}
    c["parameters"]["IfMatch"] = {"name": "If-Match", "in": "header", "required": True,
                                  "description": "De ETag die u bij het lezen kreeg. Zonder: 428; verouderd: 412.",
                                  "schema": {"type": "string"}, "example": "\"3\""}
    c["parameters"]["Id"] = {"name": "id", "in": "path", "required": True, "description": "Het id van het informatiepunt",
                             "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}, "example": "IDO-VB-01"}
    r = c["responses"]
    r["NietGeauthenticeerd"] = prob("Geen of een onbekende sleutel")
    r["GeenToegang"] = prob("De sleutel mag dit informatiepunt niet wijzigen")
    r["VersieConflict"] = prob("Iemand anders wijzigde het intussen (If-Match is verouderd)")
    r["VoorwaardeVereist"] = prob("If-Match ontbreekt")
    r["TeGroot"] = prob("Het verzoek is te groot")
    r["VerkeerdMediatype"] = prob("Stuur application/json")
    r["TeVeel"] = prob("Te veel mislukte pogingen; zie Retry-After")
    r["BestaatAl"] = prob("Er is al een informatiepunt met dit id")
    s = c["schemas"]
    s["Herkomst"]["properties"]["soort"]["enum"].append("beheer")
    # The field-level codes of a body (record/problem_codes.hpp): one vocabulary for the write API and the import.
    s["OngeldigeParameter"]["properties"]["code"]["description"] += (
        ". Bij een wijziging (beheer-API) is `name` een JSON-pointer in de inhoud (zoals `/spreekuren/0/openingstijden`) en "
        "is `code` een van: `ongeldige-json` (geen JSON, of een naam twee keer in een object), `ontbrekend-veld` (een verplicht veld ontbreekt), "
        "`onbekend-veld` (een veld dat niet bestaat), `ongeldige-waarde` (verkeerd type, lengte, vorm, dienstcode of datum), "
        "`ongeldige-openingstijden` (geen OpenStreetMap-notatie; de uitleg noemt de positie), `buiten-nederland` (een punt in geen Nederlandse gemeente)")
    s["Informatiepunt"]["properties"]["mededeling"] = {"type": "string", "nullable": True, "description": "Bijvoorbeeld 'Tijdelijk gesloten tot 5 januari'"}
    s["SpreekurenInvoer"] = {"type": "object", "required": ["spreekuren"], "additionalProperties": False, "properties": {
        "spreekuren": {"type": "array", "minItems": 1, "maxItems": 10, "items": {"$ref": "#/components/schemas/Spreekuur"}}}}
    s["InformatiepuntWijziging"] = {
        "type": "object", "additionalProperties": False, "description": "JSON Merge Patch (RFC 7396); adres en contact worden samengevoegd.",
        "properties": {"naam": {"type": "string"}, "organisatie": {"type": "string", "nullable": True},
                       "adres": {"$ref": "#/components/schemas/Adres"}, "contact": {"$ref": "#/components/schemas/Contact"},
                       "diensten": {"type": "array", "items": {"$ref": "#/components/schemas/Dienst"}},
                       "laatstGecontroleerd": {"type": "string", "format": "date", "nullable": True},
                       "mededeling": {"type": "string", "nullable": True}}}
    s["NieuwInformatiepunt"] = {
        "type": "object", "required": ["naam", "geometrie"], "additionalProperties": False,
        "properties": {"id": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}, "naam": {"type": "string"},
                       "organisatie": {"type": "string", "nullable": True}, "adres": {"$ref": "#/components/schemas/Adres"},
                       "contact": {"$ref": "#/components/schemas/Contact"},
                       "diensten": {"type": "array", "items": {"$ref": "#/components/schemas/Dienst"}},
                       "spreekuren": {"type": "array", "items": {"$ref": "#/components/schemas/Spreekuur"}},
                       "laatstGecontroleerd": {"type": "string", "format": "date", "nullable": True},
                       "mededeling": {"type": "string", "nullable": True},
                       "geometrie": {"$ref": "#/components/schemas/Punt"}}}
    s["Wijziging"] = {"type": "object", "properties": {
        "id": {"type": "integer"}, "tijd": {"type": "string", "format": "date-time"},
        "actie": {"type": "string", "enum": ["aangemaakt", "gewijzigd", "verwijderd", "geimporteerd"]},
        "veld": {"type": "string", "nullable": True}, "oud": {"nullable": True}, "nieuw": {"nullable": True},
        "door": {"type": "object", "properties": {"tokenId": {"type": "integer"}, "label": {"type": "string"}}}}}
    s["Wijzigingen"] = {"type": "object", "properties": {"wijzigingen": {"type": "array", "items": {"$ref": "#/components/schemas/Wijziging"}}}}

    sec = [{"sleutel": []}]
    common = {"400": {"$ref": "#/components/responses/OngeldigVerzoek"}, "401": {"$ref": "#/components/responses/NietGeauthenticeerd"},
              "403": {"$ref": "#/components/responses/GeenToegang"}, "404": {"$ref": "#/components/responses/NietGevonden"},
              "429": {"$ref": "#/components/responses/TeVeel"}, "500": {"$ref": "#/components/responses/InterneFout"},
              # the database is down or restarting (several replicas over PostgreSQL); see Retry-After
              "503": {"$ref": "#/components/responses/NietBeschikbaar"}}
    edit = {**common, "412": {"$ref": "#/components/responses/VersieConflict"}, "413": {"$ref": "#/components/responses/TeGroot"},
            "415": {"$ref": "#/components/responses/VerkeerdMediatype"}, "428": {"$ref": "#/components/responses/VoorwaardeVereist"}}
    location_ok = {"description": "Het informatiepunt na de wijziging", "headers": HE,
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Informatiepunt"}}}}
    idp = {"$ref": "#/components/parameters/Id"}
    ifm = {"$ref": "#/components/parameters/IfMatch"}
    p = doc["paths"]
    p["/informatiepunten"]["post"] = {
        "tags": ["Beheer"], "operationId": "informatiepuntToevoegen", "summary": "Een informatiepunt toevoegen (gemeente of beheerder)",
        "security": sec,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NieuwInformatiepunt"}}}},
        "responses": {"201": {"description": "Toegevoegd", "headers": {**HE, "Location": {"description": "URL van het nieuwe informatiepunt", "schema": {"type": "string"}}},
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Informatiepunt"}}}},
                      **{k: v for k, v in edit.items() if k not in ("404", "412", "428")},
                      "409": {"$ref": "#/components/responses/BestaatAl"}}}
    p["/informatiepunten/{id}"]["patch"] = {
        "tags": ["Beheer"], "operationId": "informatiepuntWijzigen", "summary": "Contact, diensten, mededeling of 'laatst gecontroleerd' wijzigen",
        "security": sec, "parameters": [idp, ifm],
        "requestBody": {"required": True, "content": {"application/merge-patch+json": {"schema": {"$ref": "#/components/schemas/InformatiepuntWijziging"}},
                                                      "application/json": {"schema": {"$ref": "#/components/schemas/InformatiepuntWijziging"}}}},
        "responses": {"200": location_ok, **edit}}
    p["/informatiepunten/{id}"]["delete"] = {
        "tags": ["Beheer"], "operationId": "informatiepuntVerwijderen", "summary": "Een informatiepunt verwijderen (de geschiedenis blijft)",
        "security": sec, "parameters": [idp, ifm],
        "responses": {"204": {"description": "Verwijderd", "headers": H}, **{k: v for k, v in edit.items() if k not in ("413", "415")}}}
    p["/informatiepunten/{id}/openingstijden"] = {"put": {
        "tags": ["Beheer"], "operationId": "openingstijdenVervangen", "summary": "De spreekuren en hun openingstijden vervangen",
        "description": "Openingstijden in OpenStreetMap-notatie (zie docs/openingstijden.md); een fout noemt de positie.",
        "security": sec, "parameters": [idp, ifm],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SpreekurenInvoer"}}}},
        "responses": {"200": location_ok, **edit}}}
    p["/informatiepunten/{id}/wijzigingen"] = {"get": {
        "tags": ["Beheer"], "operationId": "wijzigingen", "summary": "Wie wijzigde wat en wanneer (voor wie dit informatiepunt mag wijzigen)",
        "security": sec, "parameters": [idp],
        "responses": {"200": {"description": "De wijzigingen, oudste eerst", "headers": H,
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Wijzigingen"}}}}, **common}}}
    doc["tags"].append({"name": "Beheer", "description": "Bijhouden door bibliotheken, gemeenten en beheerders (met sleutel)"})
