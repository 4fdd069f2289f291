"""The portal: server-rendered pages, a JSON API, SVG map/charts/network, four interface languages."""
