"""The compass result as PDF: it renders, and its text holds the scores."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from alliances.kit.services.compass import assessment_submit
from tests.kit.conftest import HAND_CASE, answers_by_code
from tests.kit.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_the_result_pdf_holds_scores_gaps_and_resource_links(client, organisation_compass):
    resource = ResourceFactory(
        published=True, axes=["governance"], maturity="discover", title="Écrire une charte"
    )
    assessment = assessment_submit(
        questionnaire=organisation_compass,
        answers=answers_by_code(organisation_compass, HAND_CASE),
        profile="association",
    )
    page = client.get(assessment.get_absolute_url()).content.decode()
    url = reverse("web:compass_result_pdf", args=[assessment.token])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    # The hand-computed scores of tests/kit/test_compass.py, and the overall score (in French).
    for number in ("66,7", "0,0", "33,3", "100,0", "55,6"):
        assert number in text
    assert "Gouvernance" in text and "Écrire une charte" in text
    links = [
        annotation.get_object()["/A"]["/URI"]
        for pdf_page in reader.pages
        for annotation in pdf_page.get("/Annots") or []
    ]
    assert f"http://testserver{resource.get_absolute_url()}" in links
    assert client.get(reverse("web:compass_result_pdf", args=["nope"])).status_code == 404
