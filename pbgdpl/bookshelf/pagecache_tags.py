"""One page-cache tag for every public bookshelf page: the shelf changes rarely, so any change to a
book, show, episode or audiobook purges them all (registered in ``BookshelfConfig.ready()``)."""

LIBRARY_TAG = "bookshelf:all"
