/**
 * Authentication between jslurm commands and daemons, modelled on Slurm's {@code auth/slurm}
 * plugin.
 *
 * <p>Every host of a cluster shares a secret, the {@link org.jslurm.auth.ClusterKey cluster key}
 * ({@code slurm.key}, readable only by root / SlurmUser). A {@link org.jslurm.auth.Credential
 * credential} is a short-lived statement "uid U, gid G, valid until T" signed with HMAC-SHA256
 * under that key. A daemon accepts a request after {@link org.jslurm.auth.Authenticator
 * verifying} its credential.
 *
 * <p>Processes that can read the key (daemons, root, SlurmUser) sign their own credentials with
 * the uid/gid the kernel gives them. Ordinary users cannot read the key, so they ask the local
 * {@link org.jslurm.auth.CredentialServer credential service} over a Unix-domain socket; the
 * service learns the caller's identity from the kernel ({@code SO_PEERCRED}), never from the
 * caller, and signs for it. {@link org.jslurm.auth.CredentialClient#credentialFor} picks the
 * right path. {@link org.jslurm.auth.UserDb} maps between names and ids.
 */
package org.jslurm.auth;
