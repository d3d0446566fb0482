"""Loads a GraphML or GEXF export with networkx, an independent graph
library, and prints its node and edge counts. Usage: networkx_count.py FILE."""
import sys

import networkx as nx

path = sys.argv[1]
if path.endswith(".graphml"):
    g = nx.read_graphml(path, force_multigraph=True)
else:
    g = nx.read_gexf(path)
print(g.number_of_nodes(), g.number_of_edges())
