"""Parses a policykg dump with rdflib, an independent RDF parser, and prints
how many quads it holds. Usage: rdflib_count.py FILE FORMAT (trig|nquads)."""
import sys

from rdflib import Dataset

ds = Dataset()
ds.parse(sys.argv[1], format=sys.argv[2])
print(len(list(ds.quads((None, None, None, None)))))
