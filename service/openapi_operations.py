"""The operations endpoints in the OpenAPI document (issue 16): GET /v1/sleutel, what a token may do, and
GET /v1/docs, this document rendered for a browser."""

H = {"API-Version": {"$ref": "#/components/headers/API-Version"}}


def add_operations(doc):
    c = doc["components"]
    c["schemas"]["Sleutel"] = {
        "type": "object", "required": ["id", "label", "rol", "aangemaakt", "geldigTot", "laatstGebruikt"],
        "description": "Wat deze sleutel mag en tot wanneer. Nooit de sleutel zelf: die bestaat alleen bij de houder.",
        "properties": {
            "id": {"type": "integer", "description": "Het nummer van de sleutel (zoals in `ido-vinder token list` en in de wijzigingen)"},
            "label": {"type": "string"},
            "rol": {"type": "string", "enum": ["bibliotheek", "gemeente", "beheerder"]},
            "organisatie": {"type": "string", "description": "Alleen bij rol bibliotheek: de organisatie waarvan de informatiepunten bewerkt mogen worden"},
            "gemeentecode": {"type": "string", "description": "Alleen bij rol gemeente", "example": "GM0363"},
            "aangemaakt": {"type": "string", "format": "date-time"},
            "geldigTot": {"type": "string", "format": "date", "description": "De laatste dag (UTC) waarop de sleutel werkt; daarna 401 `sleutel-verlopen`"},
            "laatstGebruikt": {"type": "string", "format": "date", "nullable": True,
                               "description": "De laatste dag (UTC) waarop de sleutel gebruikt is; een keer per dag bijgewerkt"}}}
    c["responses"]["NietGeauthenticeerd"]["description"] = (
        "Geen, een onbekende of een verlopen sleutel: `code` is `niet-geauthenticeerd`, of `sleutel-verlopen` als de "
        "geldigheid voorbij is (vraag dan een nieuwe sleutel)")
    doc["paths"]["/sleutel"] = {"get": {
        "tags": ["Beheer"], "operationId": "sleutel", "summary": "Wat mag mijn sleutel, en tot wanneer?",
        "description": "Voor de houder van een sleutel: de rol, de organisatie of gemeente, de vervaldatum en de dag van laatste gebruik. "
                       "Handig om na het maken of vervangen van een sleutel te controleren of hij werkt.",
        "security": [{"sleutel": []}],
        "responses": {"200": {"description": "De sleutel", "headers": H,
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Sleutel"}}}},
                      "400": {"$ref": "#/components/responses/OngeldigVerzoek"},
                      "401": {"$ref": "#/components/responses/NietGeauthenticeerd"},
                      "429": {"$ref": "#/components/responses/TeVeel"},
                      "500": {"$ref": "#/components/responses/InterneFout"},
                      "503": {"$ref": "#/components/responses/NietBeschikbaar"}}}}

    doc["paths"]["/docs"] = {"get": {
        "tags": ["Algemeen"], "operationId": "documentatie", "summary": "Deze documentatie als webpagina",
        "description": "Dit OpenAPI-document, leesbaar in de browser (Swagger UI, door de dienst zelf geserveerd: geen verzoek naar een andere site).",
        "responses": {"200": {"description": "De HTML-pagina", "headers": H, "content": {"text/html": {"schema": {"type": "string"}}}},
                      "500": {"$ref": "#/components/responses/InterneFout"}}}}
