package org.jslurm.cmd.scontrol;

import java.util.ArrayList;
import java.util.List;

/**
 * An scontrol {@code show} record: lines of {@code Key=Value} text. Printed either one line per
 * line, continuation lines indented by three spaces and a blank line after the record, or with
 * {@code -o} all on one line joined by single spaces.
 */
final class Record {
    private final List<String> lines = new ArrayList<>();

    Record line(String text) {
        lines.add(text);
        return this;
    }

    List<String> lines() { return lines; }

    String render(boolean oneLiner) {
        if (oneLiner) return String.join(" ", lines) + "\n";
        return String.join("\n   ", lines) + "\n\n";
    }
}
