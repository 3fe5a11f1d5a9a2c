package org.jslurm.config;

/**
 * Expands the per-node tokens allowed in SlurmdSpoolDir, SlurmdPidFile and SlurmdLogFile:
 * {@code %n} (node name) and {@code %h} (the node's hostname). As in Slurm only the first
 * occurrence of each is replaced.
 */
public final class NodeTokens {

    private NodeTokens() {
    }

    /** @return the expanded text, or null when {@code pattern} is null */
    public static String expand(String pattern, String nodeName, String hostname) {
        if (pattern == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        boolean nameDone = false;
        boolean hostDone = false;
        // One pass, so a node name that itself contains "%h" is not expanded again.
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
            if (c == '%' && next == 'n' && !nameDone) {
                out.append(nodeName);
                nameDone = true;
                i++;
            } else if (c == '%' && next == 'h' && !hostDone) {
                out.append(hostname);
                hostDone = true;
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
