"""Benchmarks of RI Hub: run with `make bench`; each prints its figures."""
