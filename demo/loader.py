"""Builds the demo site from demo/content.py.

Idempotent: everything is looked up by a stable key (slug, title) before it
is created, and what exists is left as it is, so a second run changes
nothing. `reset()` removes the demo content so it can be rebuilt."""

import datetime
import json
import os
import uuid

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import TranslatableObject, TranslationSource

from commitments.models import (
    CommitmentIndexPage,
    CommitmentPage,
    CrosswalkLink,
    CrosswalkPage,
    Framework,
    FrameworkElement,
)
from demo import content
from demo.images import draw_picture
from demo.pdf import text_to_pdf
from engage.models import EngagePage, ShareStoryPage, SurveyFormField, SurveyPage
from home.models import (
    FooterText,
    HomePage,
    HomePageFeaturedCommitment,
    HomePageFeaturedStory,
    Person,
    Resource,
    SiteSettings,
    StandardPage,
    WorkingGroupPage,
)
from stories.models import Sector, Stakeholder, StoryCommitment, StoryIndexPage, StoryPage, StoryStakeholder

DEMO_COLLECTION = "Demo content"
MENU_SLUGS = {"about", "commitments", "stories", "engage", "contact"}


def _stream(blocks):
    """Raw StreamField JSON from (type, value) pairs."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks])


def _items(values):
    """A ListBlock's raw value in Wagtail's block format: wagtail-localize
    finds the text to translate only in lists stored this way."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def demo_address():
    """Host and port where `make demo` serves (runserver 127.0.0.1:$PORT),
    so the Site's root URL (canonical links, hreflang, sitemap, feeds,
    JSON-LD, admin emails) points to a live address."""
    return "127.0.0.1", int(os.environ.get("PORT") or 8000)


def _date(text):
    return datetime.date.fromisoformat(text)


class DemoLoader:
    def __init__(self, log):
        self.log = log
        self.created = 0
        self.unchanged = 0
        self.locale = None
        self.images = {}
        self.pages_by_path = {}
        # Bodies of new pages are written once every page exists, so their
        # links can point at pages created after them.
        self.pending_bodies = []

    # Book-keeping -----------------------------------------------------------

    def _created(self, label):
        self.created += 1
        self.log(f"  created  {label}")

    def _unchanged(self, label):
        self.unchanged += 1

    # Entry points -----------------------------------------------------------

    @transaction.atomic
    def load(self):
        self.locale = Locale.get_default()
        self.collection = self._collection()
        self.log("Images and documents")
        self._images()
        self.log("Taxonomy, frameworks and resources")
        sectors = self._terms(Sector, content.SECTORS)
        stakeholders = self._terms(Stakeholder, content.STAKEHOLDERS)
        elements = self._frameworks()
        self._resources()
        self.log("Pages")
        # Menu order follows tree order, so sections are created in reading order.
        home, home_is_new = self._home()
        commitments = self._commitments(home, elements)
        stories = self._stories(home, commitments, sectors, stakeholders)
        about = self._standard(home, "about", in_menu=True)
        overview = self._standard(about, "working-groups")
        self._working_groups(overview)
        engage = self._standard(home, "engage", in_menu=True, model=EngagePage)
        survey, survey_is_new = self._survey(engage)
        self._standard(home, "contact", in_menu=True)
        privacy = self._standard(home, "privacy")
        self._share_story(engage, privacy)
        if survey_is_new:
            self._link_survey_privacy(survey, privacy)
        self._write_pending_bodies()
        if home_is_new:
            self._finish_home(home, commitments, stories, survey)
        self._site_settings(home)
        return self.created

    @transaction.atomic
    def reset(self):
        """Remove the demo site: pages, snippets, and the demo images and documents."""
        root = Page.get_first_root_node()
        for page in root.get_children():
            page.delete()
        # Translation records of the removed objects; segments first, since they
        # protect the contexts they point at.
        TranslationSource.objects.all().delete()
        TranslatableObject.objects.all().delete()
        for model in (CrosswalkLink, FrameworkElement, Framework, Sector, Stakeholder, Person, Resource, FooterText):
            model.objects.all().delete()
        collection = Collection.objects.filter(name=DEMO_COLLECTION).first()
        if collection:
            get_image_model().objects.filter(collection=collection).delete()
            get_document_model().objects.filter(collection=collection).delete()
        self.log("Removed the demo content.")

    # Media ------------------------------------------------------------------

    def _collection(self):
        existing = Collection.objects.filter(name=DEMO_COLLECTION).first()
        if existing:
            return existing
        return Collection.get_first_root_node().add_child(name=DEMO_COLLECTION)

    def _images(self):
        Image = get_image_model()
        existing = {image.title: image for image in Image.objects.filter(collection=self.collection)}
        for key, spec in content.IMAGES.items():
            title = f"Illustration: {key}"
            image = existing.get(title)
            if image is None:
                data = draw_picture(spec)
                image = Image(title=title, description=spec["alt"], collection=self.collection)
                image.file = ImageFile(ContentFile(data), name=f"{key}.jpg")
                image.save()
                self._created(f"image {key}")
            else:
                self._unchanged(title)
            self.images[key] = image

    def _document(self, spec, title):
        """The resource's text as a PDF document titled like the resource."""
        Document = get_document_model()
        document = Document.objects.filter(collection=self.collection, title=title).first()
        if document is None:
            document = Document(title=title, collection=self.collection)
            document.file = ContentFile(text_to_pdf(spec["text"], title), name=spec["filename"])
            document._set_document_file_metadata()  # size and hash, as Wagtail's upload form sets them
            document.save()
            self._created(f"document {spec['filename']}")
        return document

    # Snippets ---------------------------------------------------------------

    def _terms(self, model, rows):
        terms = {}
        for order, row in enumerate(rows):
            term = model.objects.filter(locale=self.locale, slug=row["slug"]).first()
            if term is None:
                term = model.objects.create(
                    locale=self.locale,
                    slug=row["slug"],
                    name=row["name"],
                    description=row.get("description", ""),
                    sort_order=order,
                )
                self._created(f"{model._meta.verbose_name} {row['slug']}")
            else:
                self._unchanged(row["slug"])
            terms[row["slug"]] = term
        return terms

    def _frameworks(self):
        elements = {}
        for order, row in enumerate(content.FRAMEWORKS):
            framework = Framework.objects.filter(locale=self.locale, slug=row["key"]).first()
            if framework is None:
                framework = Framework.objects.create(
                    locale=self.locale,
                    slug=row["key"],
                    name=row["name"],
                    short_name=row["short_name"],
                    publisher=row.get("publisher", ""),
                    year=row.get("year"),
                    url=row.get("url", ""),
                    description=row.get("description", ""),
                    sort_order=order,
                )
                self._created(f"framework {row['key']}")
            existing = {element.name: element for element in framework.elements.all()}
            for position, spec in enumerate(row["elements"]):
                element = existing.get(spec["name"])
                if element is None:
                    element = FrameworkElement.objects.create(
                        locale=self.locale,
                        framework=framework,
                        name=spec["name"],
                        group=spec.get("group", ""),
                        description=spec.get("description", ""),
                        sort_order=position,
                    )
                    self._created(f"framework element {row['key']}/{spec['key']}")
                elements[(row["key"], spec["key"])] = element
        return elements

    def _resources(self):
        for row in content.RESOURCES:
            if Resource.objects.filter(locale=self.locale, title=row["title"]).exists():
                continue
            resource = Resource(
                locale=self.locale,
                title=row["title"],
                kind=row["kind"],
                date=_date(row["date"]),
                summary=f"<p>{row['summary']}</p>",
                url=row.get("url", "") if not row.get("document") else "",
                document=self._document(row["document"], row["title"]) if row.get("document") else None,
            )
            resource.full_clean()
            resource.save()
            resource.save_revision().publish()
            self._created(f"resource {row['title']}")

    # Pages ------------------------------------------------------------------

    def _page(self, parent, model, fields, in_menu=False, children=None):
        """The child of `parent` with this slug, created and published if missing."""
        slug = fields["slug"]
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(show_in_menus=in_menu, **fields)
            for relation, rows in (children or {}).items():
                setattr(page, relation, rows)
            parent.add_child(instance=page)
            page.save_revision().publish()
            page.refresh_from_db()
            self._created(f"page {page.url_path}")
        else:
            self._unchanged(slug)
        self.pages_by_path[self._site_path(page)] = page
        return page

    @staticmethod
    def _site_path(page):
        # url_path starts with the home page's own slug: "/home/about/" -> "/about/".
        parts = page.url_path.strip("/").split("/")[1:]
        return "/" + "".join(f"{part}/" for part in parts)

    def _home(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        is_new = home is None
        if is_new:
            # Replace Wagtail's "Welcome" page with the real home page.
            for page in root.get_children().exclude(pk__in=HomePage.objects.values("pk")):
                page.delete()
            spec = content.HOME
            home = HomePage(
                title=spec["title"],
                slug="home",
                hero_lead=spec["hero_lead"],
                hero_image=self.images.get("home-hero"),
                hero_image_alt=content.IMAGES["home-hero"]["alt"],
                lhs_definition=spec["lhs_definition"],
                lhs_definition_source=spec["lhs_definition_source"],
                featured_commitments_intro=spec.get("featured_commitments_intro", ""),
                survey_cta_heading=spec["survey_cta_heading"],
                survey_cta_text=spec["survey_cta_text"],
                survey_cta_button=spec["survey_cta_button"],
                search_description=spec["hero_lead"],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self._created("page / (home)")
        site = Site.objects.filter(is_default_site=True).first()
        hostname, port = demo_address()
        if site is None:
            Site.objects.create(
                hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=content.SITE["name"]
            )
        elif (site.root_page_id, site.site_name, site.hostname, site.port) != (
            home.pk,
            content.SITE["name"],
            hostname,
            port,
        ):
            site.root_page = home
            site.site_name = content.SITE["name"]
            site.hostname, site.port = hostname, port
            site.save()
        self.pages_by_path["/"] = home
        return home, is_new

    def _finish_home(self, home, commitments, stories, survey):
        home = HomePage.objects.get(pk=home.pk)
        home.featured_commitments = [
            HomePageFeaturedCommitment(commitment=commitments[slug]) for slug in content.HOME["featured_commitments"]
        ]
        home.featured_stories = [
            HomePageFeaturedStory(story=stories[slug]) for slug in content.HOME["featured_stories"]
        ]
        home.survey_page = survey
        home.save_revision().publish()

    def _blocks(self, blocks):
        """Content blocks with site paths and image keys resolved to ids."""
        resolved = []
        for kind, value in blocks:
            value = dict(value) if isinstance(value, dict) else value
            if kind == "call_to_action":
                target = self.pages_by_path.get(value.pop("link_path", ""))
                if target is None:
                    continue  # that part of the site is not built yet
                value["page"] = target.pk
            elif kind == "link_list":
                links = []
                for link in value["links"]:
                    link = dict(link)
                    if "link_path" in link:
                        target = self.pages_by_path.get(link.pop("link_path"))
                        if target is None:
                            continue
                        link["page"] = target.pk
                    links.append(link)
                if not links:
                    continue
                value["links"] = _items(links)
            elif kind == "image":
                # Wagtail's ImageBlock: the image with its own alternative text.
                image = self.images[value.pop("image_key")].pk
                value["image"] = {"image": image, "alt_text": value.pop("alt_text"), "decorative": False}
            elif kind == "table":
                value = {
                    "caption": value["caption"],
                    "header": _items(value["header"]),
                    "rows": _items([{"cells": _items(row)} for row in value["rows"]]),
                }
            resolved.append((kind, value))
        return _stream(resolved)

    def _standard(self, parent, key, in_menu=False, model=StandardPage):
        spec = content.PAGES[key]
        fields = {
            "title": spec["title"],
            "slug": spec["slug"],
            "intro": spec["intro"],
            "search_description": spec["intro"],
            "body": _stream([]),
        }
        if model is StandardPage:
            fields["listing_image"] = self.images.get(key)
        created_before = self.created
        page = self._page(parent, model, fields, in_menu=in_menu)
        if self.created > created_before:
            self.pending_bodies.append((page, spec["body"]))
        return page

    def _write_pending_bodies(self):
        for page, blocks in self.pending_bodies:
            page = type(page).objects.get(pk=page.pk)
            page.body = self._blocks(blocks)
            page.save_revision().publish()

    def _survey(self, engage):
        """The survey page, and whether it was just created."""
        spec = content.SURVEY
        created_before = self.created
        fields = [
            SurveyFormField(
                locale=self.locale,
                sort_order=position,
                label=field["label"],
                field_type=field["field_type"],
                required=field["required"],
                choices="\n".join(field.get("choices", [])),
                help_text=field.get("help_text", ""),
            )
            for position, field in enumerate(spec["fields"])
        ]
        survey = self._page(
            engage,
            SurveyPage,
            {
                "title": spec["title"],
                "slug": spec["slug"],
                "intro": spec["intro"],
                "thank_you_text": spec["thank_you_text"],
                "self_assessment_intro": spec["self_assessment_intro"],
                "to_address": content.SITE["contact_email"],
                "from_address": "no-reply@lhs-commons.example",
                "subject": "New LHS Commons survey response",
            },
            children={"form_fields": fields},
        )
        return survey, self.created > created_before

    @staticmethod
    def _link_survey_privacy(survey, privacy):
        """The survey is made before the privacy page (menus follow tree
        order), so its consent step links to the notice in a second revision."""
        survey = type(survey).objects.get(pk=survey.pk)
        survey.privacy_page = privacy
        survey.save_revision().publish()

    def _share_story(self, engage, privacy):
        spec = content.PAGES["share-your-story"]
        return self._page(
            engage,
            ShareStoryPage,
            {
                "title": spec["title"],
                "slug": spec["slug"],
                "intro": spec["intro"],
                "search_description": spec["intro"],
                "thank_you_text": spec["thank_you_text"],
                "privacy_page": privacy,
            },
        )

    def _commitments(self, home, elements):
        spec = content.COMMITMENT_INDEX
        index = self._page(
            home,
            CommitmentIndexPage,
            {
                "title": spec["title"],
                "slug": spec["slug"],
                "intro": spec["intro"],
                "search_description": spec.get("pillars_intro", ""),
                "pillars_intro": spec["pillars_intro"],
                "pillars": _stream([("pillar", pillar) for pillar in content.PILLARS]),
                "frameworks_text": spec["frameworks_text"],
            },
            in_menu=True,
        )
        pages = {}
        for row in content.COMMITMENTS:
            links = [
                CrosswalkLink(
                    locale=self.locale,
                    sort_order=position,
                    element=elements[(link["framework"], link["element"])],
                    note=link.get("note", ""),
                )
                for position, link in enumerate(row["crosswalk"])
            ]
            pages[row["slug"]] = self._page(
                index,
                CommitmentPage,
                {
                    "title": row["name"],
                    "slug": row["slug"],
                    "number": row["number"],
                    "summary": row["summary"],
                    "search_description": row["summary"],
                    "icon": row["icon"],
                    "for_people": row["for_people"],
                    "for_clinicians": row["for_clinicians"],
                    "for_organizations": row["for_organizations"],
                    "signs": _stream([("sign", sign) for sign in row["signs"]]),
                },
                children={"crosswalk_links": links},
            )
        crosswalk = content.CROSSWALK
        self._page(
            index,
            CrosswalkPage,
            {
                "title": crosswalk["title"],
                "slug": crosswalk["slug"],
                "intro": crosswalk["intro"],
                "search_description": crosswalk.get("search_description", ""),
            },
        )
        return pages

    def _stories(self, home, commitments, sectors, stakeholders):
        index = self._page(
            home,
            StoryIndexPage,
            {
                "title": getattr(content, "STORY_INDEX", {}).get("title", "Stories"),
                "slug": "stories",
                "intro": getattr(content, "STORY_INDEX", {}).get(
                    "intro",
                    "<p>Real, published examples of health organizations learning from their own care. "
                    "Each story names its sources.</p>",
                ),
            },
            in_menu=True,
        )
        pages = {}
        for row in content.STORIES:
            financial = row.get("financial") or {}
            outcomes = [
                (
                    "outcome",
                    {
                        "measure": outcome["measure"],
                        "before": outcome.get("before") or None,
                        "after": outcome.get("after") or None,
                        "change": outcome.get("change", ""),
                        "unit": outcome.get("unit", ""),
                        "timeframe": outcome.get("timeframe", ""),
                        "source": outcome["source"],
                    },
                )
                for outcome in row["outcomes"]
            ]
            image = self.images.get(row["slug"])
            pages[row["slug"]] = self._page(
                index,
                StoryPage,
                {
                    "title": row["title"],
                    "slug": row["slug"],
                    "summary": row["summary"],
                    "search_description": row["summary"],
                    "organization": row["organization"],
                    "place": row.get("place", ""),
                    "sector": sectors.get(row["sector"]),
                    "setting": row.get("setting", ""),
                    "date": _date(row["date"]),
                    "hero_image": image,
                    "hero_image_alt": content.IMAGES[row["slug"]]["alt"] if image else "",
                    "challenge": row["challenge"],
                    "approach": row["approach"],
                    "results": row["results"],
                    "outcomes": _stream(outcomes),
                    "financial_investment": financial.get("investment", ""),
                    "financial_return": financial.get("return", ""),
                    "return_ratio": financial.get("ratio") or None,
                    "financial_source": financial.get("source", ""),
                    "quotes": _stream([("quote", quote) for quote in row.get("quotes", [])]),
                    "sources": _stream([("source", source) for source in row["sources"]]),
                },
                children={
                    "story_commitments": [
                        StoryCommitment(sort_order=position, commitment=commitments[slug])
                        for position, slug in enumerate(row["commitments"])
                    ],
                    "story_stakeholders": [
                        StoryStakeholder(locale=self.locale, sort_order=position, stakeholder=stakeholders[slug])
                        for position, slug in enumerate(row["stakeholders"])
                    ],
                },
            )
        return pages

    def _working_groups(self, overview):
        """The groups with their charge; no members until the initiative
        publishes them (editors add them as Person snippets)."""
        for row in content.WORKING_GROUPS:
            self._page(
                overview,
                WorkingGroupPage,
                {
                    "title": row["title"],
                    "slug": row["slug"],
                    "group_type": row["group_type"],
                    "intro": row["intro"],
                    "search_description": row["intro"],
                    "image": self.images.get(row["slug"]),
                    "image_alt": content.IMAGES[row["slug"]]["alt"],
                    "focus_areas": _stream([("focus_area", area) for area in row["focus_areas"]]),
                    "body": row.get("body", ""),
                },
            )

    def _site_settings(self, home):
        site = Site.objects.get(root_page=home)
        settings = SiteSettings.for_site(site)
        if not settings.contact_email:
            settings.organization_name = content.SITE["organization"]
            settings.contact_email = content.SITE["contact_email"]
            settings.save()
            self._created("site settings")
        if not FooterText.objects.filter(locale=self.locale).exists():
            footer = FooterText(
                locale=self.locale,
                body=content.SITE["footer_text"],
                links=_stream(
                    [
                        ("link", {"text": page.title, "page": page.pk})
                        for path in ("/about/", "/contact/", "/privacy/", "/engage/survey/")
                        if (page := self.pages_by_path.get(path))
                    ]
                ),
            )
            footer.save()
            footer.save_revision().publish()
            self._created("footer text")
