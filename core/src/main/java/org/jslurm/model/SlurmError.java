package org.jslurm.model;

/**
 * Slurm's error numbers and the exact texts its commands print for them
 * (for example {@code slurm_load_jobs error: Invalid job id specified}).
 */
public enum SlurmError {
    SUCCESS(0, "No error"),
    UNEXPECTED(1, "Unspecified error"),
    PROTOCOL_VERSION(1005, "Protocol version has changed, re-link your code"),
    AUTHENTICATION(1007, "Protocol authentication error"),
    INVALID_PARTITION_NAME(2000, "Invalid partition name specified"),
    DEFAULT_PARTITION_NOT_SET(2001, "No partition specified or system default partition"),
    ACCESS_DENIED(2002, "Access/permission denied"),
    JOB_MISSING_REQUIRED_PARTITION_GROUP(2003, "User's group not permitted to use this partition"),
    REQUESTED_NODES_NOT_IN_PARTITION(2004, "Requested nodes not in this partition"),
    INVALID_NODE_NAME(2018, "Invalid node name specified"),
    REQUESTED_NODE_CONFIG_UNAVAILABLE(2014, "Requested node configuration is not available"),
    REQUESTED_PART_CONFIG_UNAVAILABLE(2015, "Requested partition configuration not available now"),
    INVALID_JOB_ID(2017, "Invalid job id specified"),
    ALREADY_DONE(2021, "Job/step already completing or completed"),
    JOB_PENDING(2024, "Job is pending execution"),
    TRANSITION_STATE_NO_UPDATE(2020, "Requested operation not presently supported"),
    INTERCONNECT_FAILURE(2022, "Error configuring interconnect"),
    INVALID_TIME_LIMIT(2051, "Requested time limit is invalid (missing or exceeds some limit)"),
    JOB_NOT_PENDING(2052, "Job is no longer pending execution"),
    NOT_SUPPORTED(2075, "Requested operation not supported on this system"),
    PARTITION_NOT_AVAIL(2089, "Required partition not available (inactive or drain)"),
    INVALID_ARRAY(2092, "Invalid job array specification"),
    JOB_HELD(2053, "Job is held"),
    NODES_BUSY(2016, "Requested nodes are busy"),
    INVALID_NODE_STATE(2046, "Invalid node state specified"),
    REACHED_JOB_LIMIT(2056, "Job submit/allocate failed: Job limit reached"),
    INVALID_DEPENDENCY(2087, "Job dependency problem"),
    DISABLED(2030, "Requested operation is presently disabled"),
    PENDING_CONFIG(2000, "Pending job allocation"),
    BAD_REQUEST(2999, "Invalid request"),
    WRITE_FAILED(2090, "Unable to write state, request not accepted"),
    PROLOG_FAILED(4009, "Prolog failed"),
    NODE_NOT_AVAIL(2048, "Node not available");

    private final int code;
    private final String message;

    SlurmError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() { return code; }
    public String message() { return message; }
}
