package org.jslurm.ctld;

import java.util.List;
import org.jslurm.model.Job;
import org.jslurm.model.Node;

/** What the controller asks of node daemons. Calls return at once; the work happens in the background. */
public interface NodeAgent {

    /** Outcome of a batch launch, reported back to the controller. */
    enum LaunchResult { OK, PROLOG_FAILED, UNREACHABLE, REFUSED }

    interface LaunchCallback {
        void launched(Job job, LaunchResult result, String detail);
    }

    void launch(Job job, Node batchHost, LaunchCallback callback);

    /** Kill the job's processes on these nodes (SIGTERM, KillWait, SIGKILL) and run the epilog. */
    void terminate(Job job, List<Node> nodes);

    void signal(Job job, List<Node> nodes, int signal, boolean batchOnly);
}
