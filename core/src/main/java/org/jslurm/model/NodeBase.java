package org.jslurm.model;

/**
 * The base state of a node, before allocation and flags are taken into account.
 * IDLE/MIXED/ALLOCATED are not stored: they follow from how many CPUs jobs hold (see {@link Node}).
 */
public enum NodeBase {
    /** Configured but never heard from since the controller started with no saved state. */
    UNKNOWN,
    /** Registered and usable. */
    UP,
    /** Unusable until it registers again (ReturnToService) or an admin resumes it. */
    DOWN,
    /** Defined for the future; not shown as available. */
    FUTURE
}
