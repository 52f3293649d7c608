"""A commitment page: its links to other frameworks, the crosswalk, and the
previous and next commitments by number (the published ones only)."""

import datetime

import pytest

from commitments.models import CrosswalkLink
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_pager_names_the_published_commitments_before_and_after_by_number(client, commitments):
    engaged, safe, effective = commitments
    html = client.get(safe.url).content.decode()
    assert 'href="/commitments/engaged/" rel="prev"' in html and "1. Engaged" in html
    assert 'href="/commitments/effective/" rel="next"' in html and "3. Effective" in html
    effective.unpublish()
    html = client.get(safe.url).content.decode()
    assert 'rel="next"' not in html and "3. Effective" not in html


def test_a_commitment_linked_to_other_frameworks_links_to_the_crosswalk(client, commitment_index, commitments):
    safe = commitments[1]
    element = factories.FrameworkElementFactory(name="Safety culture")
    CrosswalkLink.objects.create(page=safe, element=element, locale=safe.locale)
    html = client.get(safe.url).content.decode()
    assert "Safety culture" in html
    assert "Compare all the commitments with other frameworks" not in html  # no crosswalk page yet
    crosswalk = factories.CrosswalkPageFactory(parent=commitment_index, slug="crosswalk")
    html = client.get(safe.url).content.decode()
    assert f'href="{crosswalk.url}">Compare all the commitments with other frameworks' in html


def test_a_commitment_shows_its_newest_published_stories_newest_first(client, story_index, commitments):
    engaged, safe, _effective = commitments
    dated = {}
    for day in range(1, 9):
        title, date = f"Safe story {day}", datetime.date(2024, 1, day)
        story = factories.StoryPageFactory(parent=story_index, title=title, date=date)
        factories.link_story(story, commitments=[safe])
        dated[day] = story
    other = factories.StoryPageFactory(parent=story_index, title="Engaged story", date=datetime.date(2024, 2, 1))
    factories.link_story(other, commitments=[engaged])
    dated[8].unpublish()
    html = client.get(safe.url).content.decode()
    shown = [day for day in range(1, 9) if f">Safe story {day}<" in html]
    assert shown == [2, 3, 4, 5, 6, 7]  # the newest six published, not the draft
    assert html.index(">Safe story 7<") < html.index(">Safe story 2<")
    assert "Engaged story" not in html
