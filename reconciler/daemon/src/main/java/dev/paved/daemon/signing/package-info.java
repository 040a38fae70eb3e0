/**
 * Signed commits: when {@code paved serve} is given trusted keys, only a fetched commit signed by one of them is
 * applied. {@link dev.paved.daemon.signing.TrustedKeys} reads the keys (armored OpenPGP public keys, OpenSSH public
 * keys, allowed-signers files); {@link dev.paved.daemon.signing.CommitSignatures} checks a commit's signature
 * against them, OpenPGP with BouncyCastle and SSH with JGit's verifier, and says why a commit is refused.
 */
package dev.paved.daemon.signing;
