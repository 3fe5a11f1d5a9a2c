package org.jslurm.config;

/**
 * One {@code Key=Value} pair with its origin, kept so that a value found bad later (for example
 * a node default applied to a later line) is still reported where it was written.
 *
 * @param key   the key as written, or its canonical spelling once recognised
 * @param value the value with quotes removed
 */
record Setting(String key, String value, SourceLine where) {

    Setting withKey(String newKey) {
        return new Setting(newKey, value, where);
    }

    /** {@code Key=Value}, for messages. */
    String text() {
        return key + "=" + value;
    }
}
