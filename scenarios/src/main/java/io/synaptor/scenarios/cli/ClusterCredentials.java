package io.synaptor.scenarios.cli;

import io.synaptor.actors.ClusterSecurity;
import io.synaptor.scenarios.ClusterNodes;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that give a cluster member its TLS credentials (a picocli mixin of {@code node} and {@code run}; docs/cluster.md). */
final class ClusterCredentials {
    @Option(names = "--key-store", paramLabel = "FILE", description = "this member's TLS key and certificate (PKCS12 or JKS): members speak TLS with mutual authentication (docs/cluster.md)")
    Path keyStore;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "the certificates of the members it accepts")
    Path trustStore;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "the stores' password (first line); default: $" + ClusterNodes.PASSWORD_VARIABLE)
    Path passwordFile;

    @Option(names = "--insecure", description = "plain TCP on an address other machines can reach: anyone who reaches the port may join and submit work")
    boolean insecure;

    /** Whether any of them was given. */
    boolean given() {
        return keyStore != null || trustStore != null || passwordFile != null || insecure;
    }

    /** The credentials for a member at {@code host}, checked ({@link ClusterNodes#security}); null for plain TCP. */
    ClusterSecurity security(String host) {
        return ClusterNodes.security(keyStore, trustStore, passwordFile, insecure, host);
    }
}
