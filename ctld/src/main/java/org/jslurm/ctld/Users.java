package org.jslurm.ctld;

import java.util.Set;

/** The user database as the controller needs it (an adapter over the OS's passwd/group). */
public interface Users {
    String nameOf(int uid);

    Set<Integer> groupsOf(int uid);

    /** gid of a group name, or -1 if unknown. */
    int gidOf(String group);
}
