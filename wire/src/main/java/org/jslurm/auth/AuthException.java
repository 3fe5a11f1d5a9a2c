package org.jslurm.auth;
/** STUB: replaced by the auth package (branch h4). */
public class AuthException extends Exception { public AuthException(String m) { super(m); } }
