package org.jslurm.config;
/** STUB: replaced by the config package (branch h1). */
public class ConfigException extends Exception { public ConfigException(String m) { super(m); } }
