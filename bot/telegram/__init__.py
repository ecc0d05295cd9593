"""The Telegram front end: composition root (`app`), command table, handlers and HTML rendering.

Only `bot.telegram.app.build_application` wires things together; handlers reach the
knowledge service, storage and settings through the typed `context.bot_data`.
"""
