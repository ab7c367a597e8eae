"""A municipality's complete list of help points in the OpenAPI document (issue 14, section 3):
POST /v1/gemeenten/{gemeentecode}/volledige-lijst. How it works: docs/import-export.md, "Een volledige lijst"."""

H = {"API-Version": {"$ref": "#/components/headers/API-Version"}}


def ref(kind, name):
    return {"$ref": "#/components/" + kind + "/" + name}


IDS = {"type": "array", "items": {"type": "string"}}


def add_volledige_lijst(doc):
    s = doc["components"]["schemas"]
    report = {
        "gemeente": {"type": "string", "example": "GM0344"},
        "proefdraai": {"type": "boolean", "description": "true: alleen gecontroleerd, niets opgeslagen"},
        "toegevoegd": {**IDS, "description": "De ids van de nieuwe (of teruggezette) informatiepunten"},
        "gewijzigd": {**IDS, "description": "De ids van de gewijzigde informatiepunten"},
        "verwijderd": {**IDS, "description": "De ids van de informatiepunten van de gemeente die niet in het bestand staan: ze worden verwijderd (de geschiedenis blijft)"},
        "ongewijzigd": {"type": "integer"},
        "conflicten": {"type": "array", "description": "Informatiepunten die sinds de export zijn gewijzigd: het bestand zou die wijziging overschrijven of ze verwijderen",
                       "items": {"type": "object", "required": ["id", "reden"], "properties": {"id": {"type": "string"}, "reden": {"type": "string"}}}},
        "problemen": {"type": "array", "description": "Wat er mis is met het bestand, per rij (CSV: de rij zoals een spreadsheet hem nummert, 1 = de kopregel; GeoJSON: het featurenummer vanaf 1; 0 = het hele bestand)",
                      "items": {"type": "object", "required": ["regel", "veld", "code", "melding"], "properties": {
                          "regel": {"type": "integer"}, "veld": {"type": "string", "description": "De kolom of het veld; leeg = de hele rij"},
                          "code": {"type": "string", "description": "Vaste code, zoals in docs/import-export.md; `buiten-de-lijst` voor een rij buiten de gemeente"},
                          "melding": {"type": "string"}}}},
        "namen": {"type": "object", "additionalProperties": {"type": "string"}, "description": "De naam bij elk genoemd id, om de lijsten te kunnen lezen"},
        "zonderVersie": {"type": "integer", "description": "Rijen zonder `versie` (een oudere export): daar is niet te zien of er sinds de export iets is gewijzigd"},
        "zonderExportmoment": {"type": "boolean", "description": "true als het bestand geen `geexporteerd` heeft: dan is bij verwijderen niet te zien of er sinds de export iets is gewijzigd"},
    }
    required = ["gemeente", "proefdraai", "toegevoegd", "gewijzigd", "verwijderd", "conflicten", "problemen"]
    s["VolledigeLijstVerslag"] = {"type": "object", "required": required, "properties": report}
    s["VolledigeLijstAfgewezen"] = {"allOf": [ref("schemas", "Probleem"), {"type": "object", "required": required, "properties": report}],
                                    "description": "RFC 9457 problem details (code `lijst-afgewezen`) met het verslag erbij"}

    r = {k: ref("responses", v) for k, v in {"400": "OngeldigVerzoek", "401": "NietGeauthenticeerd", "403": "GeenToegang", "404": "NietGevonden",
                                              "413": "TeGroot", "415": "VerkeerdMediatype", "429": "TeVeel", "500": "InterneFout",
                                              "503": "NietBeschikbaar"}.items()}
    doc["paths"]["/gemeenten/{gemeentecode}/volledige-lijst"] = {"post": {
        "tags": ["Gemeentegegevens"], "operationId": "gemeenteVolledigeLijst",
        "summary": "De volledige lijst van de informatiepunten van een gemeente insturen",
        "description": "Het bestand (CSV of GeoJSON, zoals de export: `GET /v1/informatiepunten?formaat=csv&gemeente=...`) is de volledige "
                       "lijst van deze gemeente: nieuwe rijen worden toegevoegd, gewijzigde bijgewerkt, en informatiepunten van de gemeente die "
                       "er niet in staan verwijderd (de geschiedenis blijft). Alles of niets, in een transactie. Een informatiepunt dat sinds de "
                       "export is gewijzigd (de kolommen `versie` en `geexporteerd` van de export) is een conflict: dan wordt niets opgeslagen; "
                       "exporteer opnieuw en breng uw wijzigingen daarin aan. Een rij buiten de gemeente is een probleem. Stuur eerst met "
                       "`proefdraai=true`. Met een sleutel van deze gemeente of van een beheerder; een sleutel van een bibliotheek of een andere "
                       "gemeente krijgt 403. Hoogstens 4 MiB en 30 lijsten per sleutel per uur. Elke wijziging staat in het wijzigingenlog met "
                       "de naam van de sleutel. Zie docs/import-export.md.",
        "security": [{"sleutel": []}],
        "parameters": [ref("parameters", "Gemeentecode"),
                       {"name": "proefdraai", "in": "query", "required": False, "description": "true: alleen controleren en melden wat er zou gebeuren",
                        "schema": {"type": "boolean", "default": False}, "example": True}],
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}},
                                                      "application/geo+json": {"schema": {"type": "object"}}}},
        "responses": {
            "200": {"description": "Verwerkt (of, bij proefdraai, gecontroleerd): wat er is (of zou worden) toegevoegd, gewijzigd en verwijderd",
                    "headers": H, "content": {"application/json": {"schema": ref("schemas", "VolledigeLijstVerslag")}}},
            "422": {"description": "Rijen met problemen of conflicten: niets opgeslagen", "headers": H,
                    "content": {"application/problem+json": {"schema": ref("schemas", "VolledigeLijstAfgewezen")}}},
            **r}}}
