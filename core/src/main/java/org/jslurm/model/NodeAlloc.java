package org.jslurm.model;

/** The share of one node that a job holds: CPUs and memory (MB). */
public record NodeAlloc(String node, int cpus, long memMb) {}
