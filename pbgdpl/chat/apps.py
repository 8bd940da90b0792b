from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "pbgdpl.chat"
    label = "chat"
    verbose_name = "Hỏi trực tuyến"

    def ready(self) -> None:
        from pbgdpl.accounts.roles import EDITORIAL_BOARD, LIVE_CHAT_AGENT, grant_model_permissions
        from pbgdpl.core import personal_data
        from pbgdpl.core.pagecache.policy import exclude_prefix
        from pbgdpl.core.periodic import register_periodic
        from pbgdpl.core.serving import register_warm_up, serve_async

        from . import checks, privacy  # noqa: F401 (checks register themselves)
        from .tasks import chat_retention, retry_deliveries

        agent = ["chat.view_conversation", "chat.answer_conversation", "chat.view_cannedanswer"]
        grant_model_permissions(LIVE_CHAT_AGENT, agent)
        # The board also manages canned answers, office hours and the block list, and sees the report.
        grant_model_permissions(
            EDITORIAL_BOARD,
            [*agent, "chat.manage_chat",
             *(f"chat.{verb}_{model}" for verb in ("add", "change", "delete", "view")
               for model in ("cannedanswer", "officehours", "holiday", "chatsettings", "blockedclient"))],
        )
        # Conversations and webhooks are per person and live: never from the shared page cache.
        exclude_prefix("/hoi-truc-tuyen/")
        exclude_prefix("/webhooks/")
        # The long-polling fallback waits up to CHAT_POLL_SECONDS: on the event loop, not in a thread.
        serve_async("chat:poll")
        # A new web worker opens its chat database threads and channel layer before it accepts: a
        # reload hands it hundreds of reconnecting widgets at once.
        from .warmup import warm_up_chat

        register_warm_up(warm_up_chat)
        register_periodic("chat-retry-deliveries", every=30, task=retry_deliveries)
        register_periodic("chat-retention", every=24 * 3600, task=chat_retention)
        personal_data.register("chat", export=privacy.export_person, delete=privacy.erase_person)
