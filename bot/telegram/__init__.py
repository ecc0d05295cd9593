"""The Telegram adapter: the only package that imports python-telegram-bot.

`app` is the composition root (`compose`, `build_application`); `commands` is the one command
table the handlers, the admin check, the menus, `/help` and the README follow; `handlers` and
`anniversary_jobs` hold the callbacks; `state` the typed `context.bot_data`; `render` the HTML;
`run` polling or webhook start-up. Handlers reach the knowledge service, storage and settings
through `context.bot_data`.
"""
