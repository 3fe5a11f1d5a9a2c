package org.jslurm.config;

import java.util.Objects;

/**
 * A slurmctld host: the first configured is the primary, the others are backups in order.
 *
 * @param name the host name slurmctld runs on
 * @param addr the address to contact it at; the name when none was given
 */
public record ControllerHost(String name, String addr) {

    public ControllerHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(addr, "addr");
    }
}
