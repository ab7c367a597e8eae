"""The OGC API - Features paths and schemas of the OpenAPI document (Part 1 core, GeoJSON, OAS 3.0; Part 2 CRS).
openapi_generate.py calls add_ogc(doc) last; run `python3 service/openapi_generate.py` after a change here."""

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
RD = "http://www.opengis.net/def/crs/EPSG/0/28992"


def add_ogc(doc):
    comp = doc["components"]
    H = {"API-Version": {"$ref": "#/components/headers/API-Version"}}
    HC = {"API-Version": {"$ref": "#/components/headers/API-Version"}, "Content-Crs": {"$ref": "#/components/headers/Content-Crs"}}
    P400 = {"$ref": "#/components/responses/OngeldigVerzoek"}
    P404 = {"$ref": "#/components/responses/NietGevonden"}
    P500 = {"$ref": "#/components/responses/InterneFout"}
    tag = ["OGC API Features"]

    def ok(ref, desc, ctype="application/json", headers=H):
        return {"description": desc, "headers": headers, "content": {ctype: {"schema": {"$ref": ref}}}}

    def q(name, desc, schema, **extra):
        p = {"name": name, "in": "query", "required": False, "description": desc, "schema": schema}
        p.update(extra)
        return p

    crs_text = ("`" + CRS84 + "` (standaard, lengtegraad/breedtegraad) of `" + RD + "` (RD New, x/y in meters). "
                "Ook geaccepteerd: `EPSG:28992`, `epsg:28992`, `[EPSG:28992]`, `urn:ogc:def:crs:EPSG::28992`, `OGC:CRS84`. "
                "Een andere CRS geeft een 400 met code `niet-ondersteunde-crs` in `invalidParams`.")
    crs = q("crs", "CRS van de geometrie in het antwoord (OGC API - Features deel 2, ADR-module Geo): " + crs_text +
            " Wint van de header `Accept-Crs`. De header `Content-Crs` van het antwoord noemt de gebruikte CRS.",
            {"type": "string", "default": CRS84}, example=RD)
    accept_crs = {"name": "Accept-Crs", "in": "header", "required": False,
                  "description": "Oudere vorm van de parameter `crs` (bijvoorbeeld `epsg:28992`), voor bestaande overheidsclients. "
                                 "De queryparameter `crs` wint als beide er zijn.",
                  "schema": {"type": "string"}, "example": "epsg:28992"}
    collection_id = {"name": "collectionId", "in": "path", "required": True, "description": "Id van de collectie",
                     "schema": {"type": "string", "enum": ["informatiepunten", "gemeenten"]}, "example": "gemeenten"}
    feature_id = {"name": "featureId", "in": "path", "required": True,
                  "description": "Id van het object: het id van een informatiepunt, of een gemeentecode (GM0363)",
                  "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{1,64}$"}, "example": "GM0363"}
    items_params = [
        collection_id,
        q("limit", "Aantal objecten per pagina, standaard 10. Meer dan 1000 wordt 1000 (geen fout, zoals OGC API - Features voorschrijft).",
          {"type": "integer", "minimum": 1, "maximum": 1000, "default": 10}, example=100),
        q("offset", "Aantal over te slaan objecten. Staat al in de links `next` en `prev`; volg die liever.",
          {"type": "integer", "minimum": 0, "default": 0}, example=0),
        q("bbox", "Alleen objecten in dit rechthoek: minx,miny,maxx,maxy (in CRS84: minLengtegraad,minBreedtegraad,maxLengtegraad,maxBreedtegraad). "
                  "Vier eindige getallen, minima kleiner dan maxima, die het gebied van de CRS overlappen (CRS84: -180..180, -90..90; "
                  "RD New: x -7000..300000, y 289000..629000); een bbox die er deels buiten valt wordt bijgesneden, een die er helemaal "
                  "buiten valt geeft een 400 met code `bbox-buiten-crs`. Punten: ligt binnen de rechthoek (rand telt mee). "
                  "Gemeenten: de omhullende rechthoek van de gemeente raakt de bbox.",
          {"type": "array", "minItems": 4, "maxItems": 4, "items": {"type": "number"}}, style="form", explode=False,
          example=[4.7, 52.2, 5.1, 52.5]),
        q("bboxCrs", "CRS van `bbox`, standaard CRS84: " + crs_text + " De OGC- en ADR-naam van deze parameter is `bbox-crs`; "
                     "de server accepteert beide namen (niet allebei tegelijk). Hier staat `bboxCrs` omdat de ADR-linter camelCase eist.",
          {"type": "string", "default": CRS84}, example=RD),
        crs, accept_crs,
    ]

    doc["tags"].append({"name": "OGC API Features", "description": "Dezelfde gegevens als OGC API - Features (deel 1 en 2), voor GIS-software zoals QGIS"})
    doc["paths"].update({
        "/conformance": {"get": {"tags": tag, "operationId": "ogcConformiteit", "summary": "De OGC-conformiteitsklassen die deze API ondersteunt",
                                 "responses": {"200": ok("#/components/schemas/OgcConformiteit", "Conformiteitsklassen"), "400": P400, "500": P500}}},
        "/collections": {"get": {"tags": tag, "operationId": "ogcCollecties", "summary": "De collecties (informatiepunten, gemeenten)",
                                 "responses": {"200": ok("#/components/schemas/OgcCollecties", "De collecties"), "400": P400, "500": P500}}},
        "/collections/{collectionId}": {"get": {"tags": tag, "operationId": "ogcCollectie", "summary": "Een collectie",
                                                "parameters": [collection_id],
                                                "responses": {"200": ok("#/components/schemas/OgcCollectie", "De collectie"), "400": P400, "404": P404, "500": P500}}},
        "/collections/{collectionId}/items": {"get": {
            "tags": tag, "operationId": "ogcObjecten", "summary": "De objecten van een collectie, per pagina, als GeoJSON",
            "description": "Informatiepunten als punten (Point), gemeenten als multivlakken (MultiPolygon). `numberMatched` is het aantal objecten dat aan de bbox voldoet, "
                           "`numberReturned` het aantal op deze pagina; de link `next` geeft de volgende pagina met dezelfde parameters.",
            "parameters": items_params,
            "responses": {"200": ok("#/components/schemas/OgcFeatureCollectie", "Een pagina objecten", "application/geo+json", HC),
                          "400": P400, "404": P404, "500": P500}}},
        "/collections/{collectionId}/items/{featureId}": {"get": {
            "tags": tag, "operationId": "ogcObject", "summary": "Een object als GeoJSON Feature",
            "parameters": [collection_id, feature_id, crs, accept_crs],
            "responses": {"200": ok("#/components/schemas/OgcFeature", "Het object", "application/geo+json", HC),
                          "400": P400, "404": P404, "500": P500}}},
    })

    comp["headers"]["Content-Crs"] = {"description": "De CRS van de geometrie in het antwoord, als URI tussen punthaken (OGC API - Features deel 2)",
                                      "schema": {"type": "string", "example": "<" + RD + ">"}}
    link = {"$ref": "#/components/schemas/Link"}
    links = {"type": "array", "items": link}
    number_list = {"type": "array", "items": {"type": "number"}}
    crs_list = {"type": "array", "items": {"type": "string"}, "example": [CRS84, RD]}
    # One geometry type per collection: GIS clients (GDAL's OAPIF driver, QGIS) give a layer the type of the
    # first features they read, so a gemeente of one piece is a MultiPolygon too.
    geometry = {"type": "object", "description": "GeoJSON-geometrie (RFC 7946), in de CRS uit `Content-Crs`: Point bij informatiepunten, "
                                                 "altijd MultiPolygon bij gemeenten (ook een gemeente uit één stuk). "
                                                 "RD op de millimeter (3 decimalen), graden op 8 decimalen.",
                "required": ["type", "coordinates"],
                "properties": {"type": {"type": "string", "enum": ["Point", "MultiPolygon"]},
                               "coordinates": {"type": "array", "items": {}}}}
    comp["schemas"].update({
        "OgcConformiteit": {"type": "object", "required": ["conformsTo"], "properties": {"conformsTo": {"type": "array", "items": {"type": "string"}}}},
        "OgcCollectie": {"type": "object", "required": ["id", "links"], "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"},
            "itemType": {"type": "string", "enum": ["feature"]},
            "extent": {"type": "object", "properties": {"spatial": {"type": "object", "properties": {
                "bbox": {"type": "array", "items": number_list}, "crs": {"type": "string"}}}}},
            "crs": crs_list, "storageCrs": {"type": "string"}, "links": links}},
        "OgcCollecties": {"type": "object", "required": ["links", "collections"], "properties": {
            "links": links, "collections": {"type": "array", "items": {"$ref": "#/components/schemas/OgcCollectie"}}}},
        "OgcGeometrie": geometry,
        "OgcFeature": {"type": "object", "required": ["type", "geometry", "properties"], "properties": {
            "type": {"type": "string", "enum": ["Feature"]}, "id": {"type": "string"},
            "geometry": {"$ref": "#/components/schemas/OgcGeometrie"},
            "properties": {"type": "object", "description": "Informatiepunten: de velden van een Informatiepunt zonder geometrie. "
                                                            "Gemeenten: gemeentecode, naam, provincie, inwoners, aantalInformatiepunten."},
            "links": links}},
        "OgcFeatureCollectie": {"type": "object", "required": ["type", "features"], "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "features": {"type": "array", "items": {"$ref": "#/components/schemas/OgcFeature"}},
            "numberMatched": {"type": "integer"}, "numberReturned": {"type": "integer"},
            "timeStamp": {"type": "string", "format": "date-time", "description": "Moment van het antwoord, UTC"},
            "links": links}},
    })
    # The landing page is also the OGC landing page: OGC names its members title and description.
    landing = comp["schemas"]["Landingspagina"]["properties"]
    landing["title"] = {"type": "string"}
    landing["description"] = {"type": "string"}
