"""Search as people type (issue 15 §2) in the OpenAPI document: street addresses and help point names in
`zoek`, what `zoeklocatie` then says, and help points among the suggestions. The method: docs/zoeken.md."""


def add_zoeken(doc):
    schemas = doc["components"]["schemas"]
    z = schemas["Zoeklocatie"]["properties"]
    z["soort"]["enum"] += ["informatiepunt", "adres"]  # a help point by name; a full address placed by PDOK
    z["methode"]["enum"] += ["adres", "plaats", "naam", "pdok"]
    z["methode"]["description"] = ("Hoe de zoekterm is gelezen: `exact`, `alternatieve-naam` of `spelfout` voor de hele tekst als postcode "
                                   "of plaats; `adres` voor een straatadres (de postcode of plaats erin is gebruikt); `plaats` voor een "
                                   "plaatsnaam aan het eind van een langere tekst; `naam` voor de naam van een informatiepunt; `pdok` is "
                                   "gereserveerd voor de PDOK Locatieserver.")
    z["gebruikt"] = {"type": "string", "example": "Zwolle",
                     "description": "Het deel van de zoekterm dat is gebruikt, zoals het in de gegevens staat (\"Zwolle\", \"8011 CW\", "
                                    "\"OBA Oosterdokskade\"); alleen bij `adres`, `plaats` en `naam`."}
    z["id"] = {"type": "string", "description": "Bij `naam`: het genoemde informatiepunt; het staat als eerste in `informatiepunten`."}
    schemas["Kandidaat"]["properties"]["id"] = {"type": "string", "description": "Bij soort `informatiepunt`: zijn id"}
    s = schemas["Zoeksuggestie"]["properties"]
    s["soort"]["enum"].append("informatiepunt")
    s["id"] = {"type": "string", "description": "Bij soort `informatiepunt`: zijn id"}
    get = doc["paths"]["/informatiepunten"]["get"]
    for p in get["parameters"]:
        if p["name"] == "zoek":
            p["description"] += (" Ook een straatadres (\"Stationsplein 1 Zwolle\", \"Kerkstraat 12, 3511 AB\": de postcode of plaats erin "
                                 "wordt gebruikt) of de naam van een informatiepunt (\"Bibliotheek Overvecht\"). Zie `zoeklocatie.methode` "
                                 "en `zoeklocatie.gebruikt`.")
    sug = doc["paths"]["/zoeksuggesties"]["get"]
    sug["description"] = sug["description"].replace("(plaatsen, gemeenten, postcodes)", "(plaatsen, gemeenten, postcodes en, vanaf drie tekens, informatiepunten bij naam)")
