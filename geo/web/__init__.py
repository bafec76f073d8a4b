"""Web assets shipped with geo: vendor/ holds offline copies of the JS/CSS folium pages use."""
