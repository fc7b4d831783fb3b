"""The DCAT-AP catalogue of the datasets (JSON-LD and Turtle), for national portals to harvest."""

from datetime import datetime

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from alliances.opendata.alliance_schema import ALLIANCE_SCHEMA_NAME, SCHEMA_FILE
from alliances.opendata.package import LICENCE, csv_name, xlsx_name

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU_THEME = "http://publications.europa.eu/resource/authority/data-theme/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_LANGUAGE = URIRef("http://publications.europa.eu/resource/authority/language/FRA")
IANA = "https://www.iana.org/assignments/media-types/"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def catalogue_graph(datasets, *, base_url: str, files_url: str, page_url: str, created: datetime):
    """`files_url` ends with a slash; every file name is appended to it."""
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("vcard", VCARD)
    licence = URIRef(LICENCE["path"])
    issued = Literal(created.isoformat(timespec="seconds"), datatype=XSD.dateTime)
    catalogue = URIRef(page_url + "#catalogue")
    publisher = URIRef(base_url + "/#publisher")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal("Alliances")))
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal("Alliances — données ouvertes", lang="fr")))
    graph.add((catalogue, DCTERMS.title, Literal("Alliances — open data", lang="en")))
    graph.add(
        (
            catalogue,
            DCTERMS.description,
            Literal(
                "Données ouvertes de la plateforme Alliances pour les ODD (ODD 17).", lang="fr"
            ),
        )
    )
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, DCTERMS.license, licence))
    graph.add((catalogue, DCTERMS.language, EU_LANGUAGE))
    graph.add((catalogue, DCTERMS.modified, issued))
    graph.add((catalogue, FOAF.homepage, URIRef(page_url)))
    contact = BNode()
    graph.add((contact, RDF.type, VCARD.Kind))
    graph.add((contact, VCARD.fn, Literal("Alliances")))
    graph.add((contact, VCARD.hasURL, URIRef(page_url)))
    for dataset in datasets:
        node = URIRef(f"{page_url}#{dataset.name}")
        graph.add((catalogue, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(dataset.name)))
        graph.add((node, DCTERMS.title, Literal(dataset.title_fr, lang="fr")))
        graph.add((node, DCTERMS.title, Literal(dataset.title_en, lang="en")))
        graph.add((node, DCTERMS.description, Literal(dataset.description_fr, lang="fr")))
        graph.add((node, DCTERMS.description, Literal(dataset.description_en, lang="en")))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCTERMS.modified, issued))
        graph.add((node, DCTERMS.language, EU_LANGUAGE))
        graph.add((node, DCAT.theme, URIRef(EU_THEME + dataset.theme)))
        graph.add((node, DCAT.keyword, Literal("ODD 17", lang="fr")))
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((node, DCAT.landingPage, URIRef(page_url)))
        files = [
            (csv_name(dataset), "CSV", "text/csv"),
            (xlsx_name(dataset), "XLSX", XLSX_TYPE),
        ]
        if dataset.name == "alliances":
            files.append((f"{ALLIANCE_SCHEMA_NAME}.csv", "CSV", "text/csv"))
        for filename, file_type, media_type in files:
            distribution = URIRef(files_url + filename)
            graph.add((node, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            graph.add((distribution, DCTERMS.title, Literal(filename)))
            graph.add((distribution, DCAT.accessURL, URIRef(page_url)))
            graph.add((distribution, DCAT.downloadURL, distribution))
            graph.add((distribution, DCAT.mediaType, URIRef(IANA + media_type)))
            graph.add((distribution, DCTERMS["format"], URIRef(EU_FILE_TYPE + file_type)))
            graph.add((distribution, DCTERMS.license, licence))
            graph.add((distribution, DCTERMS.modified, issued))
            if filename.startswith(ALLIANCE_SCHEMA_NAME):
                graph.add((distribution, DCTERMS.conformsTo, URIRef(files_url + SCHEMA_FILE)))
            elif file_type == "CSV":
                graph.add(
                    (distribution, DCTERMS.conformsTo, URIRef(files_url + "datapackage.json"))
                )
    return graph
