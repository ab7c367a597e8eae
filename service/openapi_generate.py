"""Writes service/openapi.json, the OpenAPI 3 document of the v1 API. Edit here, run it, commit both:
    python3 service/openapi_generate.py
`--output PATH` writes elsewhere (the test openapi_drift compares that with the committed file).
The ADR linter (tests/adr) checks the result in the test suite."""
import json
from pathlib import Path
H = {"API-Version": {"$ref": "#/components/headers/API-Version"}}
def ok(schema_ref, desc, ctype="application/json"):
    return {"description": desc, "headers": H, "content": {ctype: {"schema": {"$ref": schema_ref}}}}
def prob(desc):
    return {"description": desc, "headers": H, "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}}}
P400 = {"$ref": "#/components/responses/OngeldigVerzoek"}
P404 = {"$ref": "#/components/responses/NietGevonden"}
P500 = {"$ref": "#/components/responses/InterneFout"}
P503 = {"$ref": "#/components/responses/NietBeschikbaar"}
def q(name, desc, schema, example=None):
    p = {"name": name, "in": "query", "required": False, "description": desc, "schema": schema}
    if example is not None: p["example"] = example
    return p
lat = q("lat", "Breedtegraad in WGS84 (CRS84), decimale graden. Altijd samen met `lon`.", {"type": "number", "minimum": -90, "maximum": 90}, 52.0907)
tijdstip = q("tijdstip", "Bereken `status` en `komendeSpreekuren` voor dit moment in plaats van nu (RFC 3339 met tijdzone; voor tests en planning).", {"type": "string", "format": "date-time"}, "2026-12-24T10:00:00+01:00")
crs_param = q("crs", "CRS van de geometrie in het antwoord: http://www.opengis.net/def/crs/OGC/1.3/CRS84 (standaard) of http://www.opengis.net/def/crs/EPSG/0/28992 (RD New, in meters). De header Accept-Crs werkt ook; deze parameter wint. Het antwoord zegt het in Content-Crs.", {"type": "string"}, "http://www.opengis.net/def/crs/EPSG/0/28992")
bbox_param = q("bbox", "Alleen informatiepunten binnen minx,miny,maxx,maxy (lengte/breedte in CRS84, of x/y in RD met bboxCrs).", {"type": "string"}, "4.7,52.2,5.2,52.5")
bbox_crs_param = q("bboxCrs", "CRS van bbox (standaard CRS84). De OGC-naam bbox-crs werkt ook.", {"type": "string"}, "http://www.opengis.net/def/crs/EPSG/0/28992")
lon = q("lon", "Lengtegraad in WGS84 (CRS84), decimale graden. Altijd samen met `lat`.", {"type": "number", "minimum": -180, "maximum": 180}, 5.1214)
doc = {
 "openapi": "3.0.3",
 "info": {
  "title": "ido-vinder API",
  "version": "1.0.0",
  "description": "Vind Informatiepunten Digitale Overheid (IDO's): gratis hulp bij DigiD, toeslagen, belastingen en andere online overheidszaken, meestal in de bibliotheek.\n\nVolgt de NL API Design Rules en de ADR-module Geo: geometrie als GeoJSON (RFC 7946, lengtegraad voor breedtegraad) in CRS84. Fouten zijn `application/problem+json` (RFC 9457) met een vaste `code`; een 400 noemt elke ongeldige parameter in `invalidParams`.\n\nAfstanden zijn in meters, berekend in RD New (EPSG:28992); binnen Nederland wijkt dat minder dan 0,02% af van de afstand over de ellipsoide.\n\nHerhaal een queryparameter niet: de HTTP-laag (Pistache 0.0.5) bewaart er maar een van.\n\nBronnen: Kadaster / CBS Wijk- en buurtkaart 2023 (gemeentegrenzen), GeoNames (CC BY 4.0), stembureaus TK2025 via WaarIsMijnStemlokaal.nl / Open State Foundation.",
  "contact": {"name": "ido-vinder ontwikkelaars", "email": "ontwikkelaars@ido-vinder.nl", "url": "https://ido-vinder.nl"},
  "license": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"}
 },
 "servers": [{"url": "/v1", "description": "Deze server"}],
 "tags": [{"name": "Informatiepunten", "description": "De IDO-locaties"}, {"name": "Gemeenten", "description": "Gemeenten en hun IDO's"}, {"name": "Algemeen", "description": "Landingspagina, documentatie en status"}],
 "paths": {
  "/": {"get": {"tags": ["Algemeen"], "operationId": "landingspagina", "summary": "Landingspagina met links naar de onderdelen van de API",
        "responses": {"200": ok("#/components/schemas/Landingspagina", "De landingspagina"), "500": P500}}},
  "/openapi.json": {"get": {"tags": ["Algemeen"], "operationId": "openapi", "summary": "Dit OpenAPI-document",
        "responses": {"200": {"description": "Het OpenAPI 3-document", "headers": H, "content": {"application/vnd.oai.openapi+json;version=3.0": {"schema": {"type": "object"}}}}, "500": P500}}},
  "/health": {"get": {"tags": ["Algemeen"], "operationId": "gezondheid", "summary": "Status voor load balancers",
        "responses": {"200": ok("#/components/schemas/Gezondheid", "De dienst werkt"), "500": P500, "503": P503}}},
  "/informatiepunten": {"get": {"tags": ["Informatiepunten"], "operationId": "informatiepuntenZoeken",
        "summary": "Dichtstbijzijnde informatiepunten, of alle informatiepunten per pagina",
        "description": "Met `lat` en `lon`: de `limit` dichtstbijzijnde informatiepunten, dichtstbijzijnde eerst, met `afstand` in meters. Zonder positie: alle informatiepunten op volgorde van id, per pagina; de link met `rel` `next` geeft de volgende pagina.",
        "parameters": [lat, lon,
            q("zoek", "Vrije tekst: een postcode (3511 of 3511 AB), plaats of gemeente (ook 'Den Bosch', 'Ljouwert', kleine typefouten). Zoekt offline; de tekst gaat naar niemand anders. Bij een dubbelzinnige naam (Rijswijk) komen de `kandidaten` terug in plaats van een gok.", {"type": "string", "maxLength": 200}, "Zwolle"),
            q("postcode", "Een postcode: 3511 of 3511 AB (een volledige postcode wordt het punt van zijn PC4-gebied).", {"type": "string", "maxLength": 10}, "3511 AB"),
            q("limit", "Aantal resultaten: 1 tot en met 100 met een vertrekpunt (standaard 10), 1 tot en met 1000 zonder (standaard 100).", {"type": "integer", "minimum": 1, "maximum": 1000}, 10),
            q("offset", "Met een vertrekpunt: aantal resultaten om over te slaan (0 tot en met 1000); staat al in de `next`-link.", {"type": "integer", "minimum": 0, "maximum": 1000}, 0),
            q("na", "Zonder vertrekpunt: het id van het laatste informatiepunt van de vorige pagina (staat al in de `next`-link).", {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}, "IDO-VB-01"),
            q("maxAfstand", "Met een vertrekpunt: alleen informatiepunten binnen zoveel meter.", {"type": "integer", "minimum": 1, "maximum": 400000}, 10000),
            q("dienst", "Alleen informatiepunten die al deze diensten bieden; komma-gescheiden (digid,toeslagen). Herhaal de parameter niet: de HTTP-laag bewaart er maar een.", {"type": "string"}, "digid,toeslagen"),
            q("opAfspraak", "true: er is hulp op afspraak; false: nooit op afspraak.", {"type": "boolean"}, True),
            q("inloop", "true: binnenlopen zonder afspraak kan; false: niet.", {"type": "boolean"}, True),
            q("zonderVoorbeelden", "true: zonder de gegenereerde voorbeeldlocaties (`herkomst.soort` `gegenereerd`), voor een gemeente die haar eigen lijst heeft ingevoerd.", {"type": "boolean"}, True),
            q("gemeente", "Alleen informatiepunten in deze gemeente (CBS-gemeentecode).", {"type": "string", "pattern": "^GM[0-9]{4}$"}, "GM0363"),
            q("openNu", "true: alleen informatiepunten die open zijn op `tijdstip` (standaard nu).", {"type": "boolean"}, True),
            q("openOp", "Alleen informatiepunten die open zijn op dit moment (RFC 3339 met tijdzone).", {"type": "string", "format": "date-time"}, "2026-12-24T10:00:00+01:00"),
            tijdstip, crs_param, bbox_param, bbox_crs_param,
            q("formaat", "csv of geojson: alle informatiepunten (eventueel van een `gemeente`) als bestand, in het importformaat (docs/import-export.md). Ook via Accept: text/csv.", {"type": "string", "enum": ["csv", "geojson"]}, "csv")],
        "responses": {"200": {"description": "Gevonden informatiepunten; met `formaat` een CSV- of GeoJSON-bestand", "headers": H, "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/InformatiepuntenAntwoord"}},
            "text/csv": {"schema": {"type": "string"}}, "application/geo+json": {"schema": {"type": "object"}}}}, "400": P400, "500": P500}}},
  "/informatiepunten/{id}": {"get": {"tags": ["Informatiepunten"], "operationId": "informatiepuntOphalen", "summary": "Een informatiepunt",
        "parameters": [{"name": "id", "in": "path", "required": True, "description": "Het id van het informatiepunt", "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}, "example": "IDO-VB-01"}, tijdstip, crs_param],
        "responses": {"200": ok("#/components/schemas/Informatiepunt", "Het informatiepunt"), "400": P400, "404": P404, "500": P500}}},
  "/zoeksuggesties": {"get": {"tags": ["Informatiepunten"], "operationId": "zoeksuggesties", "summary": "Suggesties voor een zoekvak",
        "description": "Hoogstens `limit` suggesties (plaatsen, gemeenten, postcodes) voor wat iemand tot nu toe typte. Offline, snel genoeg voor elke toetsaanslag.",
        "parameters": [q("q", "De getypte tekst, bijvoorbeeld utr, den b of 351.", {"type": "string", "maxLength": 200}, "utr"),
                       q("limit", "Aantal suggesties, 1 tot en met 50 (standaard 10).", {"type": "integer", "minimum": 1, "maximum": 50}, 10), crs_param],
        "responses": {"200": ok("#/components/schemas/ZoeksuggestiesAntwoord", "Suggesties, beste eerst"), "400": P400, "500": P500}}},
  "/gemeenten": {"get": {"tags": ["Gemeenten"], "operationId": "gemeentenZoeken", "summary": "Alle gemeenten, of de gemeente op een punt",
        "description": "Zonder parameters: alle 342 gemeenten met hun aantal informatiepunten. Met `lat` en `lon`: de gemeente waarin dat punt ligt (een lege lijst buiten Nederland). Gemeentegrenzen zijn vereenvoudigd: binnen enkele tientallen meters van een grens kan het antwoord afwijken.",
        "parameters": [lat, lon,
                       {"name": "If-None-Match", "in": "header", "required": False, "schema": {"type": "string"},
                        "description": "De ETag van een eerder antwoord op de hele lijst: 304 als de lijst sindsdien niet veranderde"}],
        "responses": {"200": {**ok("#/components/schemas/GemeentenAntwoord", "Gemeenten"),
                              "headers": {**H, "ETag": {"description": "De versie van de hele lijst (alleen zonder lat/lon)", "schema": {"type": "string"}}}},
                      "304": {"description": "De lijst is niet veranderd sinds de ETag in If-None-Match", "headers": H},
                      "400": P400, "500": P500}}},
  "/gemeenten/{gemeentecode}": {"get": {"tags": ["Gemeenten"], "operationId": "gemeenteOphalen", "summary": "Een gemeente",
        "parameters": [{"$ref": "#/components/parameters/Gemeentecode"}],
        "responses": {"200": ok("#/components/schemas/Gemeente", "De gemeente"), "400": P400, "404": P404, "500": P500}}},
  "/gemeenten/{gemeentecode}/informatiepunten": {"get": {"tags": ["Gemeenten"], "operationId": "gemeenteInformatiepunten", "summary": "De informatiepunten in een gemeente",
        "parameters": [{"$ref": "#/components/parameters/Gemeentecode"}, tijdstip, crs_param],
        "responses": {"200": ok("#/components/schemas/GemeenteInformatiepunten", "De gemeente en haar informatiepunten"), "400": P400, "404": P404, "500": P500}}}
 },
 "components": {
  "headers": {"API-Version": {"description": "De volledige versie van de API", "schema": {"type": "string", "example": "1.0.0"}}},
  "parameters": {"Gemeentecode": {"name": "gemeentecode", "in": "path", "required": True, "description": "CBS-gemeentecode", "schema": {"type": "string", "pattern": "^GM[0-9]{4}$"}, "example": "GM0363"}},
  "responses": {
   "OngeldigVerzoek": prob("Ongeldige parameters; `invalidParams` noemt ze allemaal"),
   "NietGevonden": prob("Niet gevonden"),
   "InterneFout": prob("Interne fout"),
   "NietBeschikbaar": prob("Tijdelijk niet beschikbaar")
  },
  "schemas": {
   "Probleem": {"type": "object", "description": "RFC 9457 problem details", "required": ["status", "title", "detail", "code"],
     "properties": {"type": {"type": "string", "format": "uri"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"},
       "code": {"type": "string", "description": "Vaste foutcode, bijvoorbeeld `ongeldige-parameters`, `niet-gevonden`, `pad-niet-gevonden`, `methode-niet-toegestaan`, `verzoek-te-groot`, `interne-fout`"},
       "instance": {"type": "string"},
       "invalidParams": {"type": "array", "items": {"$ref": "#/components/schemas/OngeldigeParameter"}}}},
   "OngeldigeParameter": {"type": "object", "required": ["name", "code", "reason"], "properties": {
       "name": {"type": "string"}, "code": {"type": "string", "description": "Bijvoorbeeld `onbekende-parameter`, `ontbrekende-parameter`, `ongeldig-getal`, `ongeldige-coordinaat`, `buiten-nederland`, `buiten-bereik`, `ongeldige-waarde`, `ongeldige-tekens`, `te-lang`"}, "reason": {"type": "string"}}},
   "Punt": {"type": "object", "description": "GeoJSON Point (RFC 7946) in CRS84: [lengtegraad, breedtegraad]", "required": ["type", "coordinates"],
     "properties": {"type": {"type": "string", "enum": ["Point"]}, "coordinates": {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "number"}, "example": [5.1214, 52.0907]}}},
   "Link": {"type": "object", "required": ["rel", "href"], "properties": {"rel": {"type": "string"}, "href": {"type": "string"}, "type": {"type": "string"}, "title": {"type": "string"}}},
   "Landingspagina": {"type": "object", "properties": {"titel": {"type": "string"}, "beschrijving": {"type": "string"}, "links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}}}},
   "Gezondheid": {"type": "object", "properties": {
       "status": {"type": "string", "enum": ["ok", "beperkt"], "description": "beperkt: lezen werkt, de opslag is even niet bereikbaar"},
       "schrijven": {"type": "boolean", "description": "Of wijzigingen nu de opslag bereiken"},
       "dataversie": {"type": "integer", "description": "De stand van de opslag die deze instantie toont; gelijk op alle instanties zodra een wijziging overal is"},
       "informatiepunten": {"type": "integer"}, "gemeenten": {"type": "integer"}}},
   "Adres": {"type": "object", "properties": {"straat": {"type": "string", "nullable": True}, "huisnummer": {"type": "string", "nullable": True}, "postcode": {"type": "string", "nullable": True}, "woonplaats": {"type": "string", "nullable": True}}},
   "Contact": {"type": "object", "properties": {"telefoon": {"type": "string", "nullable": True}, "email": {"type": "string", "nullable": True}, "website": {"type": "string", "nullable": True}}},
   "Dienst": {"type": "string", "enum": ["digid", "belastingdienst", "toeslagen", "uwv", "svb", "cjib", "cbr", "duo", "zorg", "gemeente", "digitale-vaardigheden"]},
   "Spreekuur": {"type": "object", "description": "Een spreekuur of balie binnen een locatie, met een eigen rooster",
     "properties": {"naam": {"type": "string"}, "diensten": {"type": "array", "items": {"$ref": "#/components/schemas/Dienst"}},
       "openingstijden": {"type": "string", "description": "OpenStreetMap opening_hours; leeg = onbekend"},
       "opAfspraak": {"type": "boolean", "nullable": True}, "afspraak": {"type": "object", "nullable": True, "properties": {"url": {"type": "string", "nullable": True}, "telefoon": {"type": "string", "nullable": True}}},
       "toelichting": {"type": "string", "nullable": True}}},
   "Herkomst": {"type": "object", "description": "Waar dit record vandaan komt. `gegenereerd` is GEEN echt informatiepunt.",
     "properties": {"soort": {"type": "string", "enum": ["ido-voorbeeld", "bibliotheekgebouw", "gegenereerd"]}, "bron": {"type": "string", "nullable": True},
       "toelichting": {"type": "string"}, "peildatum": {"type": "string", "nullable": True, "description": "Datum van de bron: volledig (2025-10-29) of gedeeltelijk (2024-05, 2025) zoals de bron die geeft"}}},
   "Informatiepunt": {"type": "object", "required": ["id", "naam", "gemeentecode", "geometrie"], "properties": {
       "id": {"type": "string"}, "naam": {"type": "string"}, "organisatie": {"type": "string", "nullable": True},
       "adres": {"$ref": "#/components/schemas/Adres"}, "woonplaats": {"type": "string"}, "gemeentecode": {"type": "string"}, "gemeentenaam": {"type": "string"},
       "openingstijden": {"type": "string", "description": "OpenStreetMap opening_hours van de hele locatie; leeg = onbekend (niet: gesloten)"},
       "spreekuren": {"type": "array", "items": {"$ref": "#/components/schemas/Spreekuur"}},
       "diensten": {"type": "array", "items": {"$ref": "#/components/schemas/Dienst"}},
       "opAfspraak": {"type": "boolean", "nullable": True, "description": "Alle hulp alleen op afspraak; null = onbekend"},
       "inloop": {"type": "boolean", "nullable": True, "description": "Binnenlopen zonder afspraak kan; null = onbekend"},
       "contact": {"$ref": "#/components/schemas/Contact"},
       "laatstGecontroleerd": {"type": "string", "format": "date", "nullable": True},
       "herkomst": {"$ref": "#/components/schemas/Herkomst"},
       "coordinaatPrecisie": {"type": "string", "enum": ["gebouw", "woonplaats"]},
       "registratiestatus": {"type": "string", "enum": ["actief", "waarschijnlijk actief"]},
       "geometrie": {"$ref": "#/components/schemas/Punt"},
       "afstand": {"type": "number", "description": "Afstand tot het zoekpunt in meters (alleen bij een zoekopdracht met positie)"},
       "status": {"$ref": "#/components/schemas/Openingsstatus"},
       "komendeSpreekuren": {"type": "array", "description": "De spreekuren van de komende 14 dagen, op volgorde", "items": {"$ref": "#/components/schemas/KomendSpreekuur"}}}},
   "Openingsstatus": {"type": "object", "description": "Berekend uit de openingstijden, in Europe/Amsterdam (met zomertijd). `onbekend` is niet hetzelfde als gesloten.", "required": ["code", "peilmoment"],
     "properties": {"code": {"type": "string", "enum": ["open", "gesloten", "onbekend"]},
       "openTot": {"type": "string", "format": "date-time", "nullable": True, "description": "Einde van de huidige openstelling"},
       "volgendeOpening": {"type": "string", "format": "date-time", "nullable": True},
       "opmerking": {"type": "string", "nullable": True, "description": "Bijvoorbeeld 'op afspraak', of de naam van de feestdag"},
       "peilmoment": {"type": "string", "format": "date-time", "description": "Het moment waarvoor de status geldt"}}},
   "KomendSpreekuur": {"type": "object", "required": ["spreekuur", "begin", "eind", "status"], "properties": {
       "spreekuur": {"type": "string"}, "begin": {"type": "string", "format": "date-time"}, "eind": {"type": "string", "format": "date-time"},
       "status": {"type": "string", "enum": ["open", "onbekend"]}, "opmerking": {"type": "string", "nullable": True}}},
   "Zoeklocatie": {"type": "object", "description": "Hoe het vertrekpunt is begrepen", "required": ["soort"], "properties": {
       "soort": {"type": "string", "enum": ["coordinaat", "postcode", "postcode6", "woonplaats", "plaats", "gemeente"]},
       "naam": {"type": "string"}, "gemeentecode": {"type": "string"}, "postcode": {"type": "string"},
       "methode": {"type": "string", "enum": ["exact", "alternatieve-naam", "spelfout"]},
       "nauwkeurigheid": {"type": "number", "description": "Straal in meters waarbinnen het bedoelde punt ligt"}}},
   "Kandidaat": {"type": "object", "properties": {"soort": {"type": "string"}, "naam": {"type": "string"}, "gemeentecode": {"type": "string"},
       "gemeentenaam": {"type": "string"}, "provincie": {"type": "string"}, "geometrie": {"$ref": "#/components/schemas/Punt"}}},
   "Zoeksuggestie": {"type": "object", "required": ["label", "soort", "geometrie"], "properties": {"label": {"type": "string"},
       "soort": {"type": "string", "enum": ["postcode", "woonplaats", "plaats", "gemeente"]}, "naam": {"type": "string"},
       "gemeentecode": {"type": "string"}, "geometrie": {"$ref": "#/components/schemas/Punt"}}},
   "ZoeksuggestiesAntwoord": {"type": "object", "required": ["zoeksuggesties"], "properties": {"zoeksuggesties": {"type": "array", "items": {"$ref": "#/components/schemas/Zoeksuggestie"}}}},
   "InformatiepuntenAntwoord": {"type": "object", "required": ["informatiepunten", "links"], "properties": {
       "zoekpunt": {"$ref": "#/components/schemas/Punt"},
       "zoeklocatie": {"allOf": [{"$ref": "#/components/schemas/Zoeklocatie"}], "nullable": True, "description": "null als de zoekterm dubbelzinnig is; kies dan uit `kandidaten`"},
       "kandidaten": {"type": "array", "items": {"$ref": "#/components/schemas/Kandidaat"}},
       "informatiepunten": {"type": "array", "items": {"$ref": "#/components/schemas/Informatiepunt"}},
       "links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}}}},
   "Gemeente": {"type": "object", "required": ["gemeentecode", "naam", "provincie", "aantalInformatiepunten"], "properties": {
       "gemeentecode": {"type": "string", "example": "GM0363"}, "naam": {"type": "string"}, "provincie": {"type": "string"},
       "inwoners": {"type": "integer", "description": "Inwoners op 1 januari 2023 (CBS)"}, "aantalInformatiepunten": {"type": "integer"}}},
   "GemeentenAntwoord": {"type": "object", "required": ["gemeenten"], "properties": {"gemeenten": {"type": "array", "items": {"$ref": "#/components/schemas/Gemeente"}}}},
   "GemeenteInformatiepunten": {"type": "object", "required": ["gemeente", "informatiepunten"], "properties": {
       "gemeente": {"$ref": "#/components/schemas/Gemeente"}, "informatiepunten": {"type": "array", "items": {"$ref": "#/components/schemas/Informatiepunt"}}}}
  }
 }
}
from openapi_ogc import add_ogc  # OGC API - Features paths and schemas (service/openapi_ogc.py)
add_ogc(doc)
from openapi_write import add_write  # the write API (service/openapi_write.py)
add_write(doc)
from openapi_coverage import add_coverage  # the coverage endpoints (service/openapi_coverage.py)
add_coverage(doc)
from openapi_meldingen import add_meldingen  # reports from residents and confirming (service/openapi_meldingen.py)
add_meldingen(doc)
from openapi_operations import add_operations  # token self-check /v1/sleutel (service/openapi_operations.py)
add_operations(doc)
from openapi_gemeentedata import add_gemeentedata  # partners, financing, quarters, report (service/openapi_gemeentedata.py)
add_gemeentedata(doc)
from openapi_volledige_lijst import add_volledige_lijst  # a municipality's complete list (service/openapi_volledige_lijst.py)
add_volledige_lijst(doc)
from openapi_zoeken import add_zoeken  # addresses and help point names in zoek, suggestions (service/openapi_zoeken.py)
add_zoeken(doc)
if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(description="Writes the OpenAPI document of the v1 API.")
    parser.add_argument("--output", type=Path, default=Path(__file__).with_name("openapi.json"), help="where to write it (default: service/openapi.json)")
    out = parser.parse_args().output
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
