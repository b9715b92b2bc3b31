package io.synaptor.scenarios;

import io.synaptor.actors.ClusterSecurity;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;


/** What every cluster entry point checks: a node's address, the version nodes must share, and the credentials members present. */
public final class ClusterNodes {
    private ClusterNodes() {
    }

    /** The Synaptor version nodes must share (overridable for tests of the refusal). */
    public static String version() {
        return System.getProperty("synaptor.version", "0.1.0");
    }

    /** Refuses anything but HOST:PORT with a port in 1 … 65535, in one sentence. */
    public static void checkAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            if (colon <= 0) throw new NumberFormatException();
            int p = Integer.parseInt(hostPort.substring(colon + 1));
            if (p < 1 || p > 65535) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new BadInput("a seed address must be HOST:PORT, got '" + hostPort + "'");
        }
    }

    /** Where the stores' password comes from when no file names it. */
    public static final String PASSWORD_VARIABLE = "SYNAPTOR_CLUSTER_PASSWORD";

    /**
     * The TLS credentials the options name, checked before anything starts: both stores or neither; the
     * password from the first line of {@code passwordFile}, else from $SYNAPTOR_CLUSTER_PASSWORD; each store
     * opened with it. Without credentials only a loopback address may speak plain TCP, unless the user asks
     * for it ({@code insecure}): a member reachable from other machines would let anyone who reaches its port
     * join the cluster and submit work.
     *
     * @param host the address this member binds and is reached at
     * @return the credentials, or null for plain TCP
     */
    public static ClusterSecurity security(Path keyStore, Path trustStore, Path passwordFile, boolean insecure, String host) {
        if ((keyStore == null) != (trustStore == null)) {
            throw new BadInput("TLS needs both --key-store (this member's key) and --trust-store (the certificates it accepts)");
        }
        if (keyStore == null) {
            if (!insecure && !loopback(host)) {
                throw new BadInput("a cluster member at " + host + " is reachable from other machines: give it the cluster's TLS credentials "
                        + "(--key-store, --trust-store; docs/cluster.md), or --insecure for plain TCP on a network you trust");
            }
            return null;
        }
        if (insecure) throw new BadInput("--insecure asks for plain TCP, --key-store for TLS: give one");
        String password = password(passwordFile);
        open(keyStore, password, "--key-store");
        open(trustStore, password, "--trust-store");
        return new ClusterSecurity(keyStore, trustStore, password);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new BadInput("unknown host '" + host + "'");
        }
    }

    private static String password(Path file) {
        if (file != null) {
            try {
                List<String> lines = Files.readAllLines(file);
                if (lines.isEmpty() || lines.get(0).isEmpty()) throw new BadInput("--store-password-file " + file + " is empty");
                return lines.get(0);
            } catch (IOException e) {
                throw new BadInput("cannot read --store-password-file " + file + ": " + e.getMessage());
            }
        }
        String p = System.getenv(PASSWORD_VARIABLE);
        if (p == null || p.isEmpty()) {
            throw new BadInput("the key stores need their password: --store-password-file FILE, or the environment variable " + PASSWORD_VARIABLE);
        }
        return p;
    }

    /** Opens a store with the password, so a wrong file or password is one sentence now, not a failed handshake later. */
    private static void open(Path store, String password, String option) {
        if (!Files.isReadable(store)) throw new BadInput(option + " " + store + " is not a readable file");
        try {
            KeyStore.getInstance(store.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new BadInput("cannot open " + option + " " + store + " with the given password (" + e.getMessage() + ")");
        }
    }
}
