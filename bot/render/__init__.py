"""Text shown to people: the answer wording (`text`) and the vi/en catalog of interface
strings (`catalog`)."""
