"""The staff highlights browser (``congdoan serve``): Starlette, Jinja2 templates, no JavaScript."""
