"""RSS and Atom feeds of one story index's stories, in that index's language."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags


class StoryFeed(Feed):
    """The newest live, public stories under `index`. Built per request by
    StoryIndexPage's feed routes, so /es/stories/feed/ lists Spanish stories."""

    feed_type = Rss201rev2Feed
    ITEM_COUNT = 20

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return index.seo_title or index.title

    def link(self, index):
        return index.get_full_url(request=self.request)

    def description(self, index):
        return index.get_meta_description() or strip_tags(index.intro).strip() or index.title

    def items(self, index):
        from stories.models import StoryPage

        return (
            StoryPage.objects.live()
            .public()
            .child_of(index)
            .filter(locale_id=index.locale_id)
            .defer_streamfields()
            .order_by("-date", "-pk")[: self.ITEM_COUNT]
        )

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return story.card_summary

    def item_link(self, story):
        return story.get_full_url(request=self.request)

    def item_guid(self, story):
        return story.get_full_url(request=self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, story):
        if story.date:
            return timezone.make_aware(datetime.datetime.combine(story.date, datetime.time()))
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at or self.item_pubdate(story)

    def item_author_name(self, story):
        return story.organization


class StoryAtomFeed(StoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
