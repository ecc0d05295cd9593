"""The command-line adapter: `python -m bot` and its subcommands (`main`) and the terminal
session used when no Telegram token is set (`terminal`)."""
