"""The story listing: filters, pagination and feeds."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.pages import BasePage
from core.panels import PlainLanguagePanel
from stories.models.story import NEWEST_FIRST, STORY_RICH_TEXT, StoryPage


class StoryIndexPage(RoutablePageMixin, BasePage):
    template = "stories/story_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]
    max_count_per_parent = 1

    intro = RichTextField(features=STORY_RICH_TEXT, blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro"), PlainLanguagePanel()]

    STORIES_PER_PAGE = 12

    class Meta:
        verbose_name = _("story index page")
        verbose_name_plural = _("story index pages")

    def get_context(self, request, *args, **kwargs):
        from stories.forms import StoryFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = StoryFilterForm(request.GET or None, locale_id=self.locale_id)
        stories = StoryPage.objects.listed(self.locale_id).child_of(self).order_by(*NEWEST_FIRST)
        context["filter_form"] = form
        context["bad_request"] = False
        if form.is_bound and not form.is_valid():
            context["bad_request"] = True
            stories = stories.none()
        elif form.is_bound:
            stories = form.filter(stories)
        paginator = Paginator(stories, self.STORIES_PER_PAGE)
        try:
            page_of_stories = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            context["bad_request"] = True
            page_of_stories = paginator.page(1)
        page_of_stories.object_list = StoryPage.objects.cards(page_of_stories.object_list)
        context["stories"] = page_of_stories
        context["paginator"] = paginator
        context["active_filters"] = form.active_filters() if form.is_bound and form.is_valid() else []
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", {}).get("bad_request"):
            response.status_code = 400
        return response

    def get_cached_paths(self):
        return ["/", "/feed/", "/feed/atom/"]

    @path("feed/", name="feed")
    def rss_feed(self, request):
        from stories.feeds import StoryFeed

        return StoryFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from stories.feeds import StoryAtomFeed

        return StoryAtomFeed(self)(request)
