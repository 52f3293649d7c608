"""Stories from the public: the share-your-story form and who sent what."""

import logging
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.coreutils import find_available_slug
from wagtail.fields import RichTextField
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.synctree import create_aliases_for_new_page

from core.pages import BasePage
from core.panels import PlainLanguagePanel
from engage import guards
from engage.forms import ShareStoryForm
from stories.models import StoryCommitment, StoryIndexPage, StoryPage

logger = logging.getLogger(__name__)


SUBMISSIONS_USERNAME = "public-submissions"
RATE_LIMIT = guards.RateLimit("share-story", "STORY_SUBMISSION_RATE_LIMIT")
SUMMARY_LENGTH = 300  # StoryPage.summary's max_length


def get_submissions_user():
    """The account that owns stories sent through the public form. It must be
    active to own revisions and start workflows, but it cannot log in: it has
    no usable password and belongs to no group."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        **{User.USERNAME_FIELD: SUBMISSIONS_USERNAME},
        defaults={"first_name": "Public", "last_name": "submissions"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def text_to_paragraphs(text):
    """Plain text from the public as rich text: every character escaped, a
    <p> for each block separated by a blank line, <br> for single line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [block.strip() for block in re.split(r"\n[ \t]*\n", text) if block.strip()]
    return "".join(
        format_html(
            "<p>{}</p>",
            format_html_join(mark_safe("<br/>"), "{}", ((line.strip(),) for line in block.split("\n"))),
        )
        for block in blocks
    )


def shorten(text, limit=SUMMARY_LENGTH):
    """At most `limit` characters, cut between words, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" .,;:-") + "…"


class StorySubmission(models.Model):
    """How to reach the person who sent a story through the public form. Kept
    apart from the story page, which the public may one day read."""

    page = models.ForeignKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="public_submissions", verbose_name=_("story")
    )
    contact_name = models.CharField(max_length=120, verbose_name=_("name"))
    contact_email = models.EmailField(verbose_name=_("email address"))
    contact_phone = models.CharField(max_length=40, blank=True, verbose_name=_("phone number"))
    submitted_at = models.DateTimeField(auto_now_add=True, verbose_name=_("sent"))
    language_code = models.CharField(
        max_length=12, default=settings.LANGUAGE_CODE, verbose_name=_("language of the form")
    )

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("contact_name", read_only=True),
        FieldPanel("contact_email", read_only=True),
        FieldPanel("contact_phone", read_only=True),
        FieldPanel("language_code", read_only=True),
    ]

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("story submission")
        verbose_name_plural = _("story submissions")

    def __str__(self):
        return _("%(name)s: %(story)s") % {"name": self.contact_name, "story": self.page.draft_title}


class ShareStoryPage(BasePage):
    """A public form for telling the story of what an organization did and
    what changed. Each story becomes a draft story page, owned by the
    submissions account and sent to review; the contact details are stored
    apart, as a StorySubmission. Nothing is published without an editor.

    Never cached: the form holds a CSRF token."""

    template = "engage/share_story_page.html"
    thanks_template = "engage/share_story_page_thanks.html"
    parent_page_types = ["engage.EngagePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = models.TextField(
        blank=True, verbose_name=_("introduction"), help_text=_("One or two plain sentences above the form.")
    )
    thank_you_text = RichTextField(
        blank=True,
        verbose_name=_("thank-you text"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("Shown after a story is sent."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice page"),
        help_text=_("Linked next to the consent box."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("thank_you_text"),
        PageChooserPanel("privacy_page"),
        PlainLanguagePanel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("share-your-story page")
        verbose_name_plural = _("share-your-story pages")

    # Serving ----------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        """The form; on POST, a story through the guards of engage/guards.py:
        the honeypot, then a repeat (the same email and title within ten
        minutes, thanked and taken once), then the rate limit."""
        if request.method != "POST":
            return self.render_form(request, ShareStoryForm(locale_id=self.locale_id))
        if guards.is_spam(request):
            return self.render_thanks(request)

        form = ShareStoryForm(request.POST, locale_id=self.locale_id)
        if not form.is_valid():
            return self.render_form(request, form, status=400)

        data = form.cleaned_data
        once = guards.SubmitOnce(
            "share-story", data["contact_email"].strip().lower(), " ".join(data["story_title"].split()).lower()
        )
        if once.earlier():
            return self.render_thanks(request)
        if not RATE_LIMIT.allows(request):
            return RATE_LIMIT.refuse(self.render_form(request, form, rate_limited=True))

        story_index = self.get_story_index()
        if story_index is None:
            logger.error("Share-your-story page %s: no story index to put stories in.", self.pk)
            form.add_error(None, _("We cannot take stories right now. Please try again later or email us."))
            return self.render_form(request, form, status=503)

        if once.claim(True):
            return self.render_thanks(request)  # a parallel post of the same story got here first
        with once.storing():
            self.create_story(form, story_index)
        return self.render_thanks(request)

    def render_form(self, request, form, status=200, **extra):
        return self._render(request, self.get_template(request), status, form=form, honeypot=guards.HONEYPOT, **extra)

    def render_thanks(self, request):
        return self._render(request, self.thanks_template, 200)

    def _render(self, request, template, status, **extra):
        context = self.get_context(request)
        context.update(extra)
        response = TemplateResponse(request, template, context, status=status)
        add_never_cache_headers(response)
        return response

    # Storing ----------------------------------------------------------------

    def get_story_index(self):
        """Where stories sent in this language go: the live story index of the
        page's language, or of the default language if it has none of its own."""
        indexes = StoryIndexPage.objects.live().filter(alias_of__isnull=True).order_by("path")
        return (
            indexes.filter(locale_id=self.locale_id).first()
            or indexes.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        )

    @transaction.atomic
    def create_story(self, form, story_index):
        """A draft story page from the form, never published, its contact
        details stored apart, and its review started."""
        data = form.cleaned_data
        user = get_submissions_user()
        title = " ".join(data["story_title"].split())
        story = StoryPage(
            title=title,
            slug=find_available_slug(story_index, slugify(title)[:80].strip("-") or "story"),
            locale_id=story_index.locale_id,
            owner=user,
            live=False,
            summary=shorten(data["what_they_did"]),
            organization=data["organization"],
            place=data["place"],
            date=timezone.localdate(),
            # The model requires a challenge; the form does not.
            challenge=text_to_paragraphs(data["challenge"])
            or format_html("<p>{}</p>", _("The person who sent this story did not describe the challenge.")),
            approach=text_to_paragraphs(data["what_they_did"]),
            results=text_to_paragraphs(data["results"]),
        )
        story.story_commitments = [
            StoryCommitment(commitment=commitment, sort_order=position)
            for position, commitment in enumerate(form.chosen_commitments())
        ]
        story_index.add_child(instance=story)
        story.save_revision(user=user)
        log(instance=story, action="wagtail.create", user=user)
        # As when an editor creates a page: languages kept in step with this
        # one get a (draft) alias.
        create_aliases_for_new_page(story)
        StorySubmission.objects.create(
            page=story,
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            language_code=self.locale.language_code,
        )
        workflow = story.get_workflow()
        if workflow:
            workflow.start(story, user)  # tells the reviewers
        return story
