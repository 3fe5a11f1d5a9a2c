package org.jslurm.model;

/** Why a pending job is not eligible: held by its user, by an administrator, or not held. */
public enum Hold {
    NONE, USER, ADMIN;

    public String reason() {
        return switch (this) {
            case NONE -> Reasons.NONE;
            case USER -> Reasons.HELD_USER;
            case ADMIN -> Reasons.HELD_ADMIN;
        };
    }
}
