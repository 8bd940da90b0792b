"""Demo loader: a public and a members-only category with a few threads, and two members
(``demo_data/forum.json``). Idempotent: categories are found by slug, threads by title."""

from __future__ import annotations

from typing import TextIO


def load_demo_forum(stdout: TextIO | None = None) -> str:
    from django.db import transaction

    from pbgdpl.core.demo import read_demo_data

    from . import markup, services
    from .models import Category, Post, Thread

    data = read_demo_data("forum", "forum.json")
    created = 0
    with transaction.atomic():
        members = {m["username"]: services.create_member(**m) for m in data["members"]}
        for item in data["categories"]:
            category, _ = Category.objects.get_or_create(slug=item["slug"], defaults={
                "name": item["name"], "description": item["description"], "members_only": item["members_only"],
                "order": item["order"]})
            for thread_data in item["threads"]:
                if Thread.objects.filter(category=category, title=thread_data["title"]).exists():
                    continue
                posts = thread_data["posts"]
                thread = Thread.objects.create(category=category, title=thread_data["title"],
                                               author=members[posts[0]["author"]])
                for post in posts:
                    Post.objects.create(thread=thread, author=members[post["author"]], source=post["text"],
                                        html=markup.render(post["text"]))
                services.mark_changed(services.SOURCE, thread.pk)
                created += 1
    return f"{created} chủ đề diễn đàn, {len(members)} thành viên"
