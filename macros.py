"""mkdocs-macros functions: the hub's pages, rendered by the core (hub/render/pages.py)."""
from hub.render.site_facts import as_html, site_fact as lookup, site_facts


def define_env(env):
    def hub():
        plugin = env.conf.plugins["hub"]
        return plugin.build, plugin.language

    @env.macro
    def record_page(collection: str, record_id: str) -> str:
        build, lang = hub()
        return build.renderer.record_page(collection, record_id, lang)

    @env.macro
    def listing(collection: str) -> str:
        build, lang = hub()
        return build.renderer.listing(collection, lang)

    @env.macro
    def home() -> str:
        build, lang = hub()
        return build.renderer.home(lang)

    @env.macro
    def site_fact(path: str) -> str:
        """A fact from data/site.yml in the page's language, e.g. site_fact("accessibility.contact"),
        as text only: no HTML or Markdown in it takes effect (site_facts.as_html)."""
        build, lang = hub()
        return as_html(lookup(site_facts(build, lang), path))
