"""Validates a policykg dump (Turtle) against ontology/shapes.ttl with pySHACL.

Usage: python3 tests/shacl.py GRAPH.ttl SHAPES.ttl
Exit 0 when the graph conforms, 1 with the report when it does not,
2 when pySHACL is missing (install it: python3 -m pip install pyshacl).
"""

import sys

try:
    import rdflib
    from pyshacl import validate
except ImportError:
    print("pySHACL is not installed: python3 -m pip install pyshacl", file=sys.stderr)
    sys.exit(2)

data = rdflib.Graph()
data.parse(sys.argv[1], format="turtle")
shapes = rdflib.Graph()
shapes.parse(sys.argv[2], format="turtle")
conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
if not conforms:
    print(text[:20000])
    sys.exit(1)
print(f"conforms: {len(data)} triples")
