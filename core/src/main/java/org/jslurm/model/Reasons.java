package org.jslurm.model;

/** The pending/ending reason strings Slurm shows in squeue's REASON column and scontrol's Reason=. */
public final class Reasons {
    private Reasons() {}
    public static final String NONE = "None";
    public static final String RESOURCES = "Resources";
    public static final String PRIORITY = "Priority";
    public static final String HELD_USER = "JobHeldUser";
    public static final String HELD_ADMIN = "JobHeldAdmin";
    public static final String PARTITION_DOWN = "PartitionDown";
    public static final String PARTITION_INACTIVE = "PartitionInactive";
    public static final String PARTITION_CONFIG = "PartitionConfig";
    public static final String PARTITION_TIME_LIMIT = "PartitionTimeLimit";
    public static final String PARTITION_NODE_LIMIT = "PartitionNodeLimit";
    public static final String REQ_NODE_NOT_AVAIL = "ReqNodeNotAvail";
    public static final String NODE_DOWN = "NodeDown";
    public static final String NON_ZERO_EXIT = "NonZeroExitCode";
    public static final String TIME_LIMIT = "TimeLimit";
    public static final String BEGIN_TIME = "BeginTime";
    public static final String LAUNCH_FAILED_REQUEUED_HELD = "launch failed requeued held";
    public static final String BAD_CONSTRAINTS = "BadConstraints";
    public static final String INVALID_TIME_LIMIT = "None";
}
