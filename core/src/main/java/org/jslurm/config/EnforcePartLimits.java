package org.jslurm.config;

/** When job submissions are checked against partition limits (EnforcePartLimits). */
public enum EnforcePartLimits {
    /** Limits are checked when the job is scheduled, not at submission. */
    NO,
    /** Submission fails unless every requested partition's limits are met. */
    ALL,
    /** Submission fails unless at least one requested partition's limits are met (also YES). */
    ANY
}
