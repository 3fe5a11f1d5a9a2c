package org.jslurm.cmd.opt;

/**
 * A malformed option, with the line glibc's getopt_long prints for it (program name included,
 * no trailing newline), e.g. {@code sbatch: unrecognized option '--bogus-option'}.
 */
public final class GetoptException extends RuntimeException {

    /** What went wrong, for callers that react differently (none of Slurm's commands do). */
    public enum Kind {
        /** {@code prog: unrecognized option '--name[=value]'} */
        UNRECOGNIZED,
        /** {@code prog: invalid option -- 'c'} */
        INVALID_SHORT,
        /** {@code prog: option '--pre' is ambiguous; possibilities: '--a' '--b'} */
        AMBIGUOUS,
        /** {@code prog: option '--name' requires an argument} or {@code prog: option requires an argument -- 'c'} */
        MISSING_ARGUMENT,
        /** {@code prog: option '--name' doesn't allow an argument} */
        ARGUMENT_NOT_ALLOWED
    }

    private final Kind kind;
    private final String option;

    public GetoptException(Kind kind, String option, String message) {
        super(message);
        this.kind = kind;
        this.option = option;
    }

    public Kind kind() { return kind; }

    /** The offending option as typed ({@code --bogus=1}, {@code -Z}), or its full name for argument errors. */
    public String option() { return option; }
}
