#!/usr/bin/env python3
"""Checks publiccode.yml against the publiccode.yml 0.4 schema (the Standaard voor Publieke Code).

    python3 tests/publiccode/check_publiccode.py publiccode.yml
    python3 tests/publiccode/check_publiccode.py --self-test      # the checker refuses broken files

The schema's own validator is publiccode-parser-go (Go); neither npm nor Debian 12 packages it, so this
implements the core schema's rules that a catalogue (developer.overheid.nl, OpenCatalogi) relies on:
every mandatory key, the type of every key used, the closed value lists (softwareType,
developmentStatus, maintenance.type, categories, platforms' form), the lengths of the descriptions,
dates, URLs, an SPDX licence expression and the maintenance contacts that the maintenance type
requires. Unknown top-level keys are refused, as the parser does (a typo would otherwise go unnoticed).

Python 3 with PyYAML (Debian python3-yaml).
"""
import copy
import datetime
import re
import sys

import yaml

SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend",
                  "standalone/other", "addon", "library", "configurationFiles"}
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}
# The categories list of publiccode.yml 0.4 (docs/standard/categories-list).
CATEGORIES = set("""accounting agile-project-management applicant-tracking application-development appointment-scheduling
backup billing-and-invoicing blog budgeting business-intelligence business-process-management cad call-center-management
cloud-management collaboration communications compliance-management contact-management content-management crm
customer-service-and-support data-analytics data-collection data-visualization digital-asset-management digital-citizenship
document-management donor-management e-commerce e-signature email-management email-marketing employee-management
enterprise-project-management enterprise-social-networking erp event-management facility-management
feedback-and-reviews-management financial-reporting fleet-management fund-accounting gamification
geographic-information-systems grant-management graphic-design help-desk hr ide instant-messaging inventory-management
it-asset-management it-development it-management it-security it-service-management knowledge-management
learning-management-system marketing mind-mapping mobile-marketing mobile-payment network-management office online-booking
online-community payment-management payroll predictive-analysis procurement productivity-suite project-collaboration
project-management property-management real-estate-management remote-support resource-management sales-management seo
service-desk-software social-media-management survey talent-management task-management taxes-management test-management
time-management time-tracking translation video-conferencing video-editing visitor-management voip warehouse-management
web-collaboration web-conferencing website-builder whistleblowing workflow-management""".split())
TOP_LEVEL = {"publiccodeYmlVersion", "name", "applicationSuite", "url", "landingURL", "isBasedOn", "softwareVersion",
             "releaseDate", "logo", "monochromeLogo", "platforms", "categories", "usedBy", "roadmap", "developmentStatus",
             "softwareType", "intendedAudience", "description", "legal", "maintenance", "localisation", "dependsOn",
             "inputTypes", "outputTypes", "organisation", "fundedBy",
             # country extensions: two-letter lower-case codes
             }
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # BCP 47, as the schema asks
SPDX = re.compile(r"^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$")


class Checker:
    def __init__(self):
        self.errors = []

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def need(self, mapping, key, kind, where):
        if not isinstance(mapping, dict) or key not in mapping:
            self.error(where + key, "is mandatory")
            return None
        return self.typed(mapping[key], kind, where + key)

    def typed(self, value, kind, where):
        kinds = {"string": str, "list": list, "map": dict, "bool": bool}
        if kind == "date":
            # YAML may read an unquoted date as a date already; quoted, it must be YYYY-MM-DD.
            if isinstance(value, datetime.date):
                return value
            if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                self.error(where, f"must be a date YYYY-MM-DD, not {value!r}")
                return None
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                self.error(where, f"is not a calendar date: {value!r}")
                return None
        if kind == "url":
            if not isinstance(value, str) or not URL.match(value):
                self.error(where, f"must be an http(s) URL, not {value!r}")
                return None
            return value
        if not isinstance(value, kinds[kind]) or (kind == "string" and not value.strip()):
            self.error(where, f"must be a non-empty {kind}, not {type(value).__name__} {value!r}")
            return None
        return value

    def optional(self, mapping, key, kind, where):
        if isinstance(mapping, dict) and key in mapping:
            return self.typed(mapping[key], kind, where + key)
        return None

    def check(self, doc):
        if not isinstance(doc, dict):
            self.error("(file)", "must be a YAML mapping")
            return self.errors
        for key in doc:
            if key not in TOP_LEVEL and not re.fullmatch(r"[a-z]{2}", str(key)):
                self.error(str(key), "is not a key of publiccode.yml")
        version = self.need(doc, "publiccodeYmlVersion", "string", "")
        if version is not None and not re.fullmatch(r"0(\.\d+)?", version):
            self.error("publiccodeYmlVersion", f"must be a 0.x version string, not {version!r}")
        self.need(doc, "name", "string", "")
        self.need(doc, "url", "url", "")
        self.optional(doc, "landingURL", "url", "")
        self.optional(doc, "softwareVersion", "string", "")
        self.optional(doc, "releaseDate", "date", "")
        platforms = self.need(doc, "platforms", "list", "")
        if platforms is not None:
            if not platforms:
                self.error("platforms", "must name at least one platform")
            for i, p in enumerate(platforms):
                self.typed(p, "string", f"platforms[{i}]")
        categories = self.optional(doc, "categories", "list", "")
        for i, c in enumerate(categories or []):
            if c not in CATEGORIES:
                self.error(f"categories[{i}]", f"{c!r} is not in the categories list")
        status = self.need(doc, "developmentStatus", "string", "")
        if status is not None and status not in DEVELOPMENT_STATUS:
            self.error("developmentStatus", f"must be one of {sorted(DEVELOPMENT_STATUS)}, not {status!r}")
        software_type = self.need(doc, "softwareType", "string", "")
        if software_type is not None and software_type not in SOFTWARE_TYPES:
            self.error("softwareType", f"must be one of {sorted(SOFTWARE_TYPES)}, not {software_type!r}")

        description = self.need(doc, "description", "map", "")
        if description is not None:
            if not description:
                self.error("description", "must hold at least one language")
            for language, text in description.items():
                where = f"description.{language}."
                if not LANGUAGE.match(str(language)):
                    self.error(where, "is not a BCP 47 language code")
                short = self.need(text, "shortDescription", "string", where)
                if short is not None and len(short) > 150:
                    self.error(where + "shortDescription", f"has {len(short)} characters, at most 150")
                long = self.need(text, "longDescription", "string", where)
                if long is not None and not 150 <= len(long) <= 10000:
                    self.error(where + "longDescription", f"has {len(long)} characters, 150 to 10000")
                features = self.need(text, "features", "list", where)
                for i, f in enumerate(features or []):
                    if self.typed(f, "string", f"{where}features[{i}]") and len(f) > 100:
                        self.error(f"{where}features[{i}]", "is longer than 100 characters")

        legal = self.need(doc, "legal", "map", "")
        licence = self.need(legal, "license", "string", "legal.") if legal is not None else None
        if licence is not None and not SPDX.match(licence):
            self.error("legal.license", f"must be an SPDX licence expression, not {licence!r}")

        maintenance = self.need(doc, "maintenance", "map", "")
        if maintenance is not None:
            kind = self.need(maintenance, "type", "string", "maintenance.")
            if kind is not None and kind not in MAINTENANCE_TYPES:
                self.error("maintenance.type", f"must be one of {sorted(MAINTENANCE_TYPES)}, not {kind!r}")
            if kind in ("internal", "community"):
                contacts = self.need(maintenance, "contacts", "list", "maintenance.")
                if contacts is not None and not contacts:
                    self.error("maintenance.contacts", f"must name someone for maintenance type {kind}")
                for i, c in enumerate(contacts or []):
                    where = f"maintenance.contacts[{i}]."
                    self.need(c, "name", "string", where)
                    email = self.optional(c, "email", "string", where)
                    if email is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
                        self.error(where + "email", f"is not an e-mail address: {email!r}")
            if kind == "contract":
                self.need(maintenance, "contractors", "list", "maintenance.")

        localisation = self.need(doc, "localisation", "map", "")
        if localisation is not None:
            self.need(localisation, "localisationReady", "bool", "localisation.")
            languages = self.need(localisation, "availableLanguages", "list", "localisation.")
            for i, language in enumerate(languages or []):
                if not isinstance(language, str) or not LANGUAGE.match(language):
                    self.error(f"localisation.availableLanguages[{i}]", f"is not a BCP 47 language code: {language!r}")

        depends = self.optional(doc, "dependsOn", "map", "")
        for group, items in (depends or {}).items():
            if group not in ("open", "proprietary", "hardware"):
                self.error(f"dependsOn.{group}", "must be open, proprietary or hardware")
                continue
            for i, item in enumerate(self.typed(items, "list", f"dependsOn.{group}") or []):
                where = f"dependsOn.{group}[{i}]."
                self.need(item, "name", "string", where)
                for key in ("versionMin", "versionMax", "version"):
                    self.optional(item, key, "string", where)
                self.optional(item, "optional", "bool", where)
        return self.errors


def self_test(valid):
    """The checker must refuse each of these breakages of a valid file, else it checks nothing."""
    breakages = {
        "no name": lambda d: d.pop("name"),
        "unknown software type": lambda d: d.__setitem__("softwareType", "web"),
        "unknown status": lambda d: d.__setitem__("developmentStatus", "klaar"),
        "short description too long": lambda d: d["description"]["nl"].__setitem__("shortDescription", "x" * 151),
        "long description too short": lambda d: d["description"]["nl"].__setitem__("longDescription", "kort"),
        "no features": lambda d: d["description"]["nl"].pop("features"),
        "no licence": lambda d: d["legal"].pop("license"),
        "community without contacts": lambda d: d["maintenance"].pop("contacts"),
        "localisationReady not a boolean": lambda d: d["localisation"].__setitem__("localisationReady", "ja"),
        "unknown category": lambda d: d.__setitem__("categories", ["finders"]),
        "url not a URL": lambda d: d.__setitem__("url", "ido-vinder"),
        "platforms not a list": lambda d: d.__setitem__("platforms", "web"),
        "misspelt key": lambda d: d.__setitem__("developmentStatuss", "beta"),
        "impossible date": lambda d: d.__setitem__("releaseDate", "2026-02-30"),
    }
    missed = []
    for name, breakage in breakages.items():
        broken = copy.deepcopy(valid)
        breakage(broken)
        if not Checker().check(broken):
            missed.append(name)
    return missed


def main():
    args = sys.argv[1:]
    path = [a for a in args if not a.startswith("--")]
    with open(path[0] if path else "publiccode.yml", encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    errors = Checker().check(doc)
    for e in errors:
        print("publiccode.yml:", e)
    if errors:
        return 1
    if "--self-test" in args:
        missed = self_test(doc)
        for name in missed:
            print("the checker accepted a broken file:", name)
        if missed:
            return 1
        print("the checker refuses every breakage of the self-test")
    print("publiccode.yml is valid (publiccode.yml 0.4 core schema)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
