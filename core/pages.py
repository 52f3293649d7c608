"""The page base every page type shares, and its small mixins: social
sharing, listing cards, one slug in every language."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import BaseStreamBlock
from core.panels import PlainLanguagePanel
from core.visibility import is_private, public


class SameSlugInEveryLanguage:
    """Translations keep the original's slug, so /commitments/safe/ is
    /es/commitments/safe/ in Spanish and filter links survive a change of
    language. Every other field follows wagtail-localize's defaults: text is
    translated; numbers, dates, choices, URLs, images and page links are
    synchronised."""

    override_translatable_fields = [SynchronizedField("slug")]


class SocialMixin(models.Model):
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social media image"),
        help_text=_("Shown when the page is shared on social media. 1200×630 works best."),
    )
    social_text = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("social media text"),
        help_text=_("Text for social media; the search description is used if blank."),
    )

    promote_panels_social = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Social sharing"))
    ]

    class Meta:
        abstract = True

    def get_social_text(self):
        return self.social_text or self.get_meta_description()

    def get_social_image(self):
        return self.social_image or getattr(self, "listing_image", None)


class ListingMixin(models.Model):
    listing_title = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("card title"),
        help_text=_("Title on cards and lists; the page title is used if blank."),
    )
    listing_summary = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("card summary"),
        help_text=_("One or two plain sentences for cards and lists."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("card image"),
        help_text=_("Image on cards and lists."),
    )

    # What includes/page_card.html shows of a page (with its `intro`, where
    # it has one), its address and whether it is an alias: load only these
    # for a list of cards.
    CARD_FIELDS = ("title", "listing_title", "listing_summary", "search_description", "url_path", "alias_of_id")

    promote_panels_listing = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Cards and lists"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def card_title(self):
        return self.listing_title or self.title

    @property
    def card_summary(self):
        return self.listing_summary or self.search_description

    def get_meta_description(self):
        return self.search_description or self.listing_summary


class PageBase(SameSlugInEveryLanguage, SocialMixin, ListingMixin):
    """What every page type has, whatever Wagtail page class it builds on
    (`Page` for BasePage, `AbstractEmailForm` for the survey): SEO, social
    and listing fields in the Promote tab, the text a card shows, and the
    pages whose cached copies a change to it makes stale.

    Invariant: `pages_showing_this()` names every other page that shows
    this page's content (a listing, a commitment, the stories beside it);
    the page cache purges exactly those with the page's own
    `get_cached_paths()`. The reference index adds pages linking to it."""

    class Meta:
        abstract = True

    def pages_showing_this(self):
        """Other pages whose cached copies show this page: by default its
        parent, which lists its children, and its children, whose
        breadcrumbs name it. Page types shown elsewhere add to it."""
        return Page.objects.filter(
            Q(path=self.path[: -self.steplen], depth__gt=1) | Q(path__startswith=self.path, depth=self.depth + 1)
        )

    def serve_password_required_response(self, request, form, action_url):
        """Wagtail's password form, in the site's frame
        (templates/wagtailcore/password_required.html); a wrong password is
        refused with a 403 and the form's message."""
        response = super().serve_password_required_response(request, form, action_url)
        if form.is_bound:
            response.status_code = 403
        return response

    def get_view_restrictions(self):
        """Wagtail's rule in one query instead of two: the restrictions of
        the page and its ancestors, an alias taking its source's. None at
        all when the query that loaded the page found the page public
        (`route_for_request` asks, with core.visibility's broader rule,
        so a page it finds public has no restriction by Wagtail's rule)."""
        if getattr(self, "found_private", None) is False:
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of_id")
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page_id__in=sources)
        )


def every_page():
    """Every page but the tree's root."""
    return Page.objects.filter(depth__gt=1)


class ShownOnEveryPage:
    """For what every page shows (the footer, the contact details in the
    site settings): a change to it makes every page stale."""

    def pages_showing_this(self):
        return every_page()


def route_for_request(request, path):
    """(page, args, kwargs) for `path` on the request's site, as Wagtail's
    serve view routes it (from the site's home page in the active language,
    or the site's own home page when that translation is not live), without
    its walk down the tree or its lookups of the locale and the home page:
    the deepest live page whose address starts the path is found in one
    query, with Wagtail's site root paths (which its page URLs use too),
    and loaded, with what it shows of its own (images, terms, its locale),
    in one more (and one for its images' renditions). The rest of the path
    is its own to route (a routable page's feeds and results, or a child
    that is not live, which answers 404 as Wagtail's walk would). Raises
    Http404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    translated = next(
        (
            root.root_path
            for root in Site.get_site_root_paths()
            if root.site_id == site.pk and root.language_code == get_language()
        ),
        None,
    )
    roots = list(dict.fromkeys(filter(None, [translated, site.root_page.url_path])))
    prefixes = [_prefix(root, components, end) for root in roots for end in range(len(components) + 1)]
    # The slugs too: url_path has no index, slug has.
    slugs = {prefix.rstrip("/").rsplit("/", 1)[-1] for prefix in prefixes}
    live = Page.objects.filter(slug__in=slugs, url_path__in=prefixes, live=True)
    live = live.values_list("url_path", "pk", "content_type_id")
    found = {url_path: (pk, content_type_id) for url_path, pk, content_type_id in live}
    # Wagtail's Page.localized: the translation of the home page when it is live.
    root = roots[0] if roots[0] in found else site.root_page.url_path
    depth = next((end for end in range(len(components), -1, -1) if _prefix(root, components, end) in found), None)
    if depth is None:
        raise Http404
    pk, content_type_id = found[_prefix(root, components, depth)]
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        raise Http404
    # Its images and terms, not the pages it links to: those are linked by
    # id through the navigation, and a page's row is large.
    related = [
        "locale",
        *(
            field.name
            for field in model._meta.local_concrete_fields
            if field.many_to_one and not issubclass(field.related_model, Page)
        ),
    ]
    # Every rendition of its images in one more query: its pictures, sharing
    # image and JSON-LD then read no cache (Wagtail also writes each
    # rendition back to the cache on every use) and no database.
    images = [name for name in related if issubclass(model._meta.get_field(name).related_model, AbstractImage)]
    page = (
        model.objects.select_related(*related)
        .prefetch_related(*(f"{name}__renditions" for name in images))
        .annotate(found_private=is_private())
        .get(pk=pk)
    )
    return page.route(request, components[depth:])


def _prefix(root, components, end):
    """The url_path of the first `end` components below `root`."""
    return root + "".join(f"{part}/" for part in components[:end])


def promote_panels_for(page_class):
    return page_class.promote_panels + SocialMixin.promote_panels_social + ListingMixin.promote_panels_listing


class BasePage(PageBase, Page):
    """Abstract parent of every page type built on `Page`. Each page type
    writes its own content panels and ends them with
    `PlainLanguagePanel()` (reading level of the last saved version)."""

    promote_panels = promote_panels_for(Page)

    class Meta:
        abstract = True


class ContentPage(BasePage):
    """A page of content blocks under a short intro, listing its live,
    public children as cards (About, Contact, Engage...)."""

    intro = models.TextField(
        blank=True,
        max_length=500,
        verbose_name=_("introduction"),
        help_text=_("One or two plain sentences under the title."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), PlainLanguagePanel()]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

    def get_child_pages(self):
        return public(self.get_children().live()).specific().defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_child_pages()
        return context


class SlugPerLocaleMixin(SameSlugInEveryLanguage):
    """For translatable snippets with a `slug`: unique within a language, so
    filter links and lookups find one entry. (Not unique=True: translations
    share the slug.)"""

    def clean(self):
        super().clean()
        if self.slug and self.locale_id:
            clash = type(self).objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"slug": _("Another entry in this language already uses this slug.")})
