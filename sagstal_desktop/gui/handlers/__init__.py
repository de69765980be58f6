"""The main window's handlers, one module per menu area: what a menu command does, given the
window (``gui/window_api.py``'s ``WindowApi``). Dialogs, models and widgets never import them."""
