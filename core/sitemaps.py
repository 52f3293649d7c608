"""The sitemap covers every language's tree, each page with its translations
as alternates. Aliases (untranslated copies) are left out: they repeat the
original's content."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_a_tree, alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        for translation in (
            Page.objects.live()
            .public()
            .filter(translation_key__in={p.translation_key for p in pages}, alias_of__isnull=True)
            .select_related("locale")
        ):
            translations[translation.translation_key].append(translation)
        urls = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                others = translations[item.translation_key]
                if len(others) > 1:
                    url_info["alternates"] = [
                        {"lang_code": other.locale.language_code, "location": other.get_full_url(self.request)}
                        for other in sorted(others, key=lambda p: p.locale.language_code)
                    ]
                urls.append(url_info)
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
